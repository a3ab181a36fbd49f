using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Referrals;
using Support.Contracts.Risk;
using Support.Referrals.Features.ManagerTasks;
using Support.Referrals.Features.RiskAssessments;
using Support.Referrals.Features.S47Pathways;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Tests;

/// <summary>REF-10, REF-09/25, REF-28 through the API: starting, moving and closing an s47 pathway.</summary>
public sealed class S47PathwayApiTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private HttpClient Worker() => fixture.Host.ClientFor(Roles.SocialWorker, "sw-s47");

    private HttpClient Manager() => fixture.Host.ClientFor(Roles.TeamManager, "tm-s47");

    private async Task<S47PathwayResponse> PathwayWithFinalisedMeetingAsync(HttpClient client)
    {
        var child = await client.RegisteredChildAsync();
        var pathway = await client.StartPathwayAsync(child);
        await client.MovedAsync(pathway.Id, "EnquiriesCommenced");
        await client.MovedAsync(pathway.Id, "StrategyMeetingHeld");
        await client.FinalisedMeetingAsync(StrategyRequests.CompleteMeeting([child], fixture.Clock.GetUtcNow().AddMinutes(-30), [pathway.Id]));
        return pathway;
    }

    [Fact]
    public async Task Starting_a_pathway_by_hand_puts_it_at_reasonable_cause_due_in_one_working_day_and_announces_it()
    {
        using var worker = Worker();
        var child = await worker.RegisteredChildAsync();
        var now = fixture.Clock.GetUtcNow();

        var pathway = await worker.StartPathwayAsync(child);

        Assert.Equal(S47Stage.ReasonableCause, pathway.Stage);
        Assert.False(pathway.VeryHigh);
        Assert.Equal(WorkingDays.Add(now, 1), pathway.DueAt?.Utc);
        Assert.Equal(TimeSpan.FromDays(1), pathway.DueAt?.Utc - now); // the fixture's clock is a Wednesday, and stays mid-week here
        Assert.Equal("GMT", pathway.DueAt!.Value.Zone); // late November
        Assert.Equal([S47Stage.EnquiriesCommenced], pathway.AllowedNext);
        var reached = Assert.Single(await fixture.OutboxAsync<S47StageReached>(m => m.PathwayId == pathway.Id));
        Assert.Null(reached.FromStage);
        Assert.Equal(S47Stage.ReasonableCause, reached.ToStage);
        Assert.Equal(pathway.DueAt?.Utc, reached.NextDueAt);
        Assert.Equal("sw-s47", reached.RecordedBy);
    }

    [Fact]
    public async Task A_child_whose_current_risk_is_very_high_gets_a_strategy_deadline_of_4_calendar_hours()
    {
        using var worker = Worker();
        var child = await worker.RegisteredChildAsync();
        await fixture.SetCurrentRiskAsync(child, RiskLevel.VeryHigh);
        var now = fixture.Clock.GetUtcNow();

        var pathway = await worker.StartPathwayAsync(child);

        Assert.True(pathway.VeryHigh);
        Assert.Equal(now.AddHours(4), pathway.DueAt?.Utc);
    }

    [Fact]
    public async Task A_high_but_not_very_high_risk_keeps_the_working_day_deadline()
    {
        using var worker = Worker();
        var child = await worker.RegisteredChildAsync();
        await fixture.SetCurrentRiskAsync(child, RiskLevel.High);
        var now = fixture.Clock.GetUtcNow();

        var pathway = await worker.StartPathwayAsync(child);

        Assert.False(pathway.VeryHigh);
        Assert.Equal(WorkingDays.Add(now, 1), pathway.DueAt?.Utc);
    }

    [Fact]
    public async Task Moving_off_the_pathway_is_a_409_naming_the_current_stage()
    {
        using var worker = Worker();
        var pathway = await worker.StartPathwayAsync(await worker.RegisteredChildAsync());

        using var response = await worker.MoveAsync(pathway.Id, "StrategyMeetingHeld");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Contains("at ReasonableCause", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("ReasonableCause", problem.GetProperty("currentStage").GetString());
    }

    [Fact]
    public async Task Investigation_without_a_finalised_strategy_meeting_linked_to_the_pathway_is_a_409()
    {
        using var worker = Worker();
        var child = await worker.RegisteredChildAsync();
        var pathway = await worker.StartPathwayAsync(child);
        await worker.MovedAsync(pathway.Id, "EnquiriesCommenced");
        await worker.MovedAsync(pathway.Id, "StrategyMeetingHeld");

        // A finalised meeting about the child but not linked to this pathway, and a linked draft, do not count.
        await worker.FinalisedMeetingAsync(StrategyRequests.CompleteMeeting([child], fixture.Clock.GetUtcNow().AddMinutes(-30)));
        var draft = await worker.DraftAsync(StrategyRequests.CompleteMeeting([child], fixture.Clock.GetUtcNow().AddMinutes(-30), [pathway.Id]));
        using (var skipped = await worker.MoveAsync(pathway.Id, "InvestigationAssessment"))
        {
            Assert.Equal(HttpStatusCode.Conflict, skipped.StatusCode);
            var problem = await skipped.ProblemAsync();
            Assert.Contains("cannot be skipped", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.Equal("StrategyMeetingHeld", problem.GetProperty("currentStage").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, (await worker.FinaliseAsync(draft.Id)).StatusCode);
        var moved = await worker.MovedAsync(pathway.Id, "InvestigationAssessment");

        Assert.Equal(S47Stage.InvestigationAssessment, moved.Stage);
        Assert.Equal(4, (await fixture.OutboxAsync<S47StageReached>(m => m.PathwayId == pathway.Id)).Count);
    }

    [Fact]
    public async Task Reaching_strategy_meeting_held_starts_the_15_working_day_conference_clock()
    {
        using var worker = Worker();
        var pathway = await worker.StartPathwayAsync(await worker.RegisteredChildAsync());
        await worker.MovedAsync(pathway.Id, "EnquiriesCommenced");
        var now = fixture.Clock.GetUtcNow();

        var held = await worker.MovedAsync(pathway.Id, "StrategyMeetingHeld");

        Assert.Equal(WorkingDays.Add(now, 15), held.DueAt?.Utc);
        var reached = (await fixture.OutboxAsync<S47StageReached>(m => m.PathwayId == pathway.Id)).Last();
        Assert.Equal(S47Stage.EnquiriesCommenced, reached.FromStage);
        Assert.Equal(S47Stage.StrategyMeetingHeld, reached.ToStage);
        Assert.Equal(held.DueAt?.Utc, reached.NextDueAt);
    }

    [Fact]
    public async Task No_further_action_is_refused_naming_the_safeguarding_decision_while_a_legal_flag_from_the_referral_waits_for_a_manager()
    {
        using var worker = Worker();
        using var manager = Manager();
        var child = await worker.RegisteredChildAsync(); // born 14 March 2011: 15 now
        // REF-07: the referral at intake shows sexual activity under 16, so the flag is the child's, with a manager's task.
        var referral = await worker.ReferAsync(ReferralRequests.For(child, fixture.Clock.GetUtcNow().AddHours(-1), sexualActivity: true));
        var flag = Assert.Single((await manager.GetFromJsonAsync<List<LegalFlagResponse>>($"/api/referrals/young-people/{child}/legal-flags", YoungPersonRequests.Json))!);
        Assert.Equal((LegalFlag.UnlawfulSexualActivityChildVictim, referral.Id, 15), (flag.Flag, flag.SourceId, flag.AgeOnEventDate));
        var task = Assert.Single((await manager.GetFromJsonAsync<List<ManagerTaskResponse>>($"/api/referrals/manager-tasks?youngPersonId={child}", YoungPersonRequests.Json))!);
        Assert.Equal(referral.Id, task.SourceId);

        var pathway = await worker.StartPathwayAsync(child, referral.Id);
        await worker.MovedAsync(pathway.Id, "EnquiriesCommenced");
        await worker.MovedAsync(pathway.Id, "StrategyMeetingHeld");
        await worker.FinalisedMeetingAsync(StrategyRequests.CompleteMeeting([child], fixture.Clock.GetUtcNow().AddMinutes(-30), [pathway.Id]));
        await worker.MovedAsync(pathway.Id, "InvestigationAssessment");
        await worker.MovedAsync(pathway.Id, "ChildProtectionConferenceConsidered");

        using (var refused = await manager.MoveAsync(pathway.Id, "NoFurtherAction", "No continuing risk found."))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal(["safeguardingDecision"], await refused.ErrorFieldsAsync());
        }
        Assert.Equal(S47Stage.ChildProtectionConferenceConsidered, (await worker.GetFromJsonAsync<S47PathwayResponse>($"/api/referrals/s47-pathways/{pathway.Id}", YoungPersonRequests.Json))!.Stage);

        (await manager.PostAsJsonAsync($"/api/referrals/manager-tasks/{task.Id}/complete", new { decision = "Strategy discussion held; police investigating the adult." })).EnsureSuccessStatusCode();
        Assert.Equal(S47Stage.NoFurtherAction, (await manager.MovedAsync(pathway.Id, "NoFurtherAction", "No continuing risk found.")).Stage);
    }

    [Fact]
    public async Task No_further_action_needs_a_team_manager_and_a_rationale_and_then_the_pathway_is_closed()
    {
        using var worker = Worker();
        using var manager = Manager();
        var pathway = await PathwayWithFinalisedMeetingAsync(worker);
        await worker.MovedAsync(pathway.Id, "InvestigationAssessment");
        await worker.MovedAsync(pathway.Id, "ChildProtectionConferenceConsidered");

        Assert.Equal(HttpStatusCode.Forbidden, (await worker.MoveAsync(pathway.Id, "NoFurtherAction", "Police took no further action")).StatusCode);
        using (var noRationale = await manager.MoveAsync(pathway.Id, "NoFurtherAction"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, noRationale.StatusCode);
            Assert.Equal(["rationale"], await noRationale.ErrorFieldsAsync());
        }

        var closed = await manager.MovedAsync(pathway.Id, "NoFurtherAction", "Assessment found no continuing risk; family engaging with early help.");

        Assert.Equal(S47Stage.NoFurtherAction, closed.Stage);
        Assert.Null(closed.DueAt);
        Assert.Empty(closed.AllowedNext);
        var last = closed.Transitions[^1];
        Assert.Equal("tm-s47", last.RecordedBy);
        Assert.Equal(Roles.TeamManager, last.RecordedByRole);
        Assert.NotNull(last.Rationale);
        using var again = await manager.MoveAsync(pathway.Id, "CpPlan");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("NoFurtherAction", (await again.ProblemAsync()).GetProperty("currentStage").GetString());
    }

    [Fact]
    public async Task A_social_worker_may_record_a_cp_plan_outcome()
    {
        using var worker = Worker();
        var pathway = await PathwayWithFinalisedMeetingAsync(worker);
        await worker.MovedAsync(pathway.Id, "InvestigationAssessment");
        await worker.MovedAsync(pathway.Id, "ChildProtectionConferenceConsidered");

        var outcome = await worker.MovedAsync(pathway.Id, "CpPlan");

        Assert.Equal(S47Stage.CpPlan, outcome.Stage);
        Assert.Equal(6, outcome.Transitions.Count);
    }

    [Fact]
    public async Task Bad_requests_are_named_unknown_ids_are_404_and_a_referral_starts_one_pathway()
    {
        using var worker = Worker();
        using (var missing = await worker.PostAsJsonAsync("/api/referrals/s47-pathways", new { }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            Assert.Equal(["youngPersonId"], await missing.ErrorFieldsAsync());
        }
        using (var unknown = await worker.PostAsJsonAsync("/api/referrals/s47-pathways", new { youngPersonId = Guid.NewGuid() }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
            Assert.Equal(["youngPersonId"], await unknown.ErrorFieldsAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await worker.MoveAsync(Guid.NewGuid(), "EnquiriesCommenced")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/referrals/s47-pathways/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await worker.GetAsync("/api/referrals/s47-pathways")).StatusCode);
        var child = await worker.RegisteredChildAsync();
        var referral = (await worker.ReferAsync(ReferralRequests.For(child, fixture.Clock.GetUtcNow().AddHours(-1)))).Id;
        await worker.StartPathwayAsync(child, referral);

        using var twice = await worker.PostAsJsonAsync("/api/referrals/s47-pathways", new { youngPersonId = child, referralId = referral });

        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var listed = await (await worker.GetAsync($"/api/referrals/s47-pathways?youngPersonId={child}")).ReadAsync<List<S47PathwayResponse>>();
        Assert.Single(listed);
    }
    [Fact]
    public async Task A_pathway_or_a_case_naming_a_referral_that_does_not_exist_or_is_another_childs_is_a_422_and_nothing_is_stored()
    {
        using var worker = Worker();
        var child = await worker.RegisteredChildAsync();
        var sibling = await worker.RegisteredChildAsync();
        var siblingsReferral = (await worker.ReferAsync(ReferralRequests.For(sibling, fixture.Clock.GetUtcNow().AddHours(-1)))).Id;

        foreach (var referralId in new[] { Guid.NewGuid(), siblingsReferral })
        {
            using var pathway = await worker.PostAsJsonAsync("/api/referrals/s47-pathways", new { youngPersonId = child, referralId });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, pathway.StatusCode);
            Assert.Equal(["referralId"], await pathway.ErrorFieldsAsync());
            using var @case = await worker.PostAsJsonAsync("/api/referrals/cases", CaseRequests.Open(child, referralId: referralId));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, @case.StatusCode);
            Assert.Equal(["referralId"], await @case.ErrorFieldsAsync());
        }
        await using var db = fixture.CreateDbContext();
        Assert.False(await db.S47Pathways.AnyAsync(p => p.YoungPersonId == child));
        Assert.False(await db.Set<Support.Referrals.Domain.Cases.Case>().AnyAsync(c => c.YoungPersonId == child));
    }
}

/// <summary>REF-10: overdue states are visible, at the edge of their deadline. Its own class: it moves the clock.</summary>
public sealed class S47OverdueTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    [Fact]
    public async Task A_stage_is_overdue_only_after_its_deadline_and_is_then_listed_until_it_moves_on()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var pathway = await worker.StartPathwayAsync(await worker.RegisteredChildAsync());
        async Task<List<S47PathwayResponse>> OverdueAsync() =>
            await (await worker.GetAsync("/api/referrals/s47-pathways?overdue=true")).ReadAsync<List<S47PathwayResponse>>();

        fixture.Clock.SetUtcNow(pathway.DueAt!.Value.Utc);
        Assert.DoesNotContain(await OverdueAsync(), p => p.Id == pathway.Id);

        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var overdue = Assert.Single(await OverdueAsync(), p => p.Id == pathway.Id);
        Assert.True(overdue.Overdue);
        Assert.Equal(S47Stage.ReasonableCause, overdue.Stage);

        await worker.MovedAsync(pathway.Id, "EnquiriesCommenced");
        // The strategy deadline runs from the reasonable-cause decision, so commencing enquiries does not reset it.
        Assert.Contains(await OverdueAsync(), p => p.Id == pathway.Id && p.Stage == S47Stage.EnquiriesCommenced);
        await worker.MovedAsync(pathway.Id, "StrategyMeetingHeld");
        Assert.DoesNotContain(await OverdueAsync(), p => p.Id == pathway.Id);
    }
}
