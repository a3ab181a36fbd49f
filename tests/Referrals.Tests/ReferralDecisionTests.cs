using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Contracts.Referrals;
using Support.Referrals.Features.Referrals;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>Front-door decisions (REF-03, REF-04): s47 before signposting, one decision, lateness, overdue announced once.</summary>
public sealed class ReferralDecisionTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private ReferralDecisionOverdueJob Job => fixture.Host.Services.GetRequiredService<ReferralDecisionOverdueJob>();

    private async Task<ReferralResponse> ReferAsync(string family, bool reasonableCause = false)
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker, "sw-referrer");
        var person = await client.RegisterAsync(YoungPersonRequests.Valid("Decided", family, "2012-06-15"));
        // A 14-year-old: sexual activity gives reasonable cause (REF-03); school absence alone does not.
        return await client.ReferAsync(reasonableCause
            ? ReferralRequests.For(person.Id, fixture.Clock.GetUtcNow().AddHours(-1), indicators: ["SchoolAbsence"], sexualActivity: true)
            : ReferralRequests.For(person.Id, fixture.Clock.GetUtcNow().AddHours(-1), indicators: ["SchoolAbsence"]));
    }

    private static Task<HttpResponseMessage> DecideAsync(HttpClient client, Guid id, string outcome, string rationale = "Discussed with the referrer") =>
        client.PostAsJsonAsync($"/api/referrals/{id}/decision", new { outcome, rationale });

    private async Task<List<ReferralSummary>> OverdueAsync()
    {
        using var manager = fixture.Host.ClientFor(Roles.TeamManager);
        return (await manager.GetFromJsonAsync<List<ReferralSummary>>("/api/referrals?overdue=true", ReferralRequests.Json))!;
    }

    private async Task<List<ReferralSummary>> EscalatedAsync()
    {
        using var seniorManager = fixture.Host.ClientFor(Roles.SeniorManager);
        return (await seniorManager.GetFromJsonAsync<List<ReferralSummary>>("/api/referrals?escalated=true", ReferralRequests.Json))!;
    }

    [Fact]
    public async Task A_decision_records_who_and_when_and_publishes_ReferralDecided()
    {
        var referral = await ReferAsync("Recorded");
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-decider");

        using var response = await DecideAsync(worker, referral.Id, "ChildInNeedAssessment");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var decided = (await response.Content.ReadFromJsonAsync<ReferralResponse>(ReferralRequests.Json))!;
        Assert.Equal(ReferralOutcome.ChildInNeedAssessment, decided.Decision!.Outcome);
        Assert.Equal("sw-decider", decided.Decision.DecidedBy);
        Assert.Equal(Roles.SocialWorker, decided.Decision.DecidedByRole);
        Assert.Equal(fixture.Clock.GetUtcNow(), decided.Decision.DecidedAt.Utc);
        Assert.False(decided.Decision.Late);
        await using var db = fixture.CreateDbContext();
        var evt = Assert.Single(await db.OutboxAsync<ReferralDecided>(m => m.ReferralId == referral.Id));
        Assert.Equal(ReferralOutcome.ChildInNeedAssessment, evt.Outcome);
        Assert.False(evt.DecidedLate);
        Assert.Equal("sw-decider", evt.RecordedBy);
    }

    [Fact]
    public async Task A_second_decision_is_a_409_and_the_first_stands()
    {
        var referral = await ReferAsync("Twice");
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        using var first = await DecideAsync(worker, referral.Id, "CseCaseOpened");

        using var second = await DecideAsync(worker, referral.Id, "NoFurtherAction");

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("ReferralAlreadyDecided", (await second.ProblemAsync()).GetProperty("reason").GetString());
        Assert.Equal(ReferralOutcome.CseCaseOpened, (await worker.GetReferralAsync(referral.Id)).Decision!.Outcome);
        using var noRationale = await worker.PostAsJsonAsync($"/api/referrals/{referral.Id}/decision", new { outcome = "NoFurtherAction" });
        Assert.Equal(HttpStatusCode.BadRequest, noRationale.StatusCode);
        Assert.True((await noRationale.ProblemAsync()).GetProperty("errors").TryGetProperty("rationale", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await DecideAsync(worker, Guid.NewGuid(), "NoFurtherAction")).StatusCode);
    }

    [Fact]
    public async Task Reasonable_cause_blocks_signposting_to_outreach_until_a_manager_records_an_s47_decision()
    {
        var referral = await ReferAsync("Signposted", reasonableCause: true);
        Assert.True(referral.ReasonableCause);
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-s47");

        using var refused = await DecideAsync(worker, referral.Id, "SignpostedToOutreach");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("ReasonableCause", (await refused.ProblemAsync()).GetProperty("reason").GetString());

        // Only a team manager records the s47 decision.
        using var notManager = await worker.PostAsJsonAsync($"/api/referrals/{referral.Id}/s47-decision", new { s47Required = false, rationale = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, notManager.StatusCode);
        using var s47 = await manager.PostAsJsonAsync($"/api/referrals/{referral.Id}/s47-decision",
            new { s47Required = false, rationale = "Consensual peer relationship, same age; no adult involved; outreach support offered" });
        Assert.Equal(HttpStatusCode.Created, s47.StatusCode);

        using var accepted = await DecideAsync(worker, referral.Id, "SignpostedToOutreach");
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var read = await worker.GetReferralAsync(referral.Id);
        Assert.Equal(ReferralOutcome.SignpostedToOutreach, read.Decision!.Outcome);
        var recorded = Assert.Single(read.S47Decisions);
        Assert.False(recorded.S47Required);
        Assert.Equal("tm-s47", recorded.RecordedBy);
        Assert.Equal(Roles.TeamManager, recorded.RecordedByRole);
    }

    [Fact]
    public async Task Reasonable_cause_blocks_no_further_action_as_it_blocks_signposting_until_a_manager_records_an_s47_decision()
    {
        var referral = await ReferAsync("Nfa", reasonableCause: true);
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        using var manager = fixture.Host.ClientFor(Roles.TeamManager);

        using var refused = await DecideAsync(worker, referral.Id, "NoFurtherAction");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.ProblemAsync();
        Assert.Equal("ReasonableCause", problem.GetProperty("reason").GetString());
        Assert.Contains("no further action", problem.GetProperty("detail").GetString());
        Assert.Null((await worker.GetReferralAsync(referral.Id)).Decision);

        await manager.PostAsJsonAsync($"/api/referrals/{referral.Id}/s47-decision", new { s47Required = true, rationale = "Disclosure of assault by an adult" });
        using var stillRefused = await DecideAsync(worker, referral.Id, "NoFurtherAction");
        Assert.Equal("S47Required", (await stillRefused.ProblemAsync()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_case_cannot_close_while_a_referral_carrying_reasonable_cause_has_no_s47_decision_even_once_decided()
    {
        var referral = await ReferAsync("Closure", reasonableCause: true);
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-closure");
        var @case = await worker.OpenCaseAsync(referral.YoungPerson.Id);
        Assert.Equal(HttpStatusCode.Created, (await DecideAsync(worker, referral.Id, "CseCaseOpened")).StatusCode);

        using var refused = await manager.CloseAsync(@case.Id);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var item = Assert.Single((await refused.ProblemAsync()).GetProperty("openItems").EnumerateArray());
        Assert.Equal($"referral-s47:{referral.Id}", item.GetProperty("key").GetString());
        Assert.True(item.GetProperty("blocksClosure").GetBoolean());

        await manager.PostAsJsonAsync($"/api/referrals/{referral.Id}/s47-decision", new { s47Required = false, rationale = "Strategy discussion: no s47 threshold; CSE case work continues" });
        Assert.Equal(HttpStatusCode.OK, (await manager.CloseAsync(@case.Id)).StatusCode);
    }

    [Fact]
    public async Task An_s47_decision_that_enquiries_are_needed_keeps_signposting_refused_and_the_history_keeps_both()
    {
        var referral = await ReferAsync("S47Yes", reasonableCause: true);
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        using var manager = fixture.Host.ClientFor(Roles.TeamManager);
        await manager.PostAsJsonAsync($"/api/referrals/{referral.Id}/s47-decision", new { s47Required = false, rationale = "First view" });
        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        await manager.PostAsJsonAsync($"/api/referrals/{referral.Id}/s47-decision", new { s47Required = true, rationale = "New information from school" });

        using var refused = await DecideAsync(worker, referral.Id, "SignpostedToOutreach");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("S47Required", (await refused.ProblemAsync()).GetProperty("reason").GetString());
        var read = await worker.GetReferralAsync(referral.Id);
        Assert.Equal([false, true], read.S47Decisions.Select(s => s.S47Required));
        Assert.Equal(read.S47Decisions[0].Id, read.S47Decisions[1].Supersedes);
        Assert.Equal(HttpStatusCode.Created, (await DecideAsync(worker, referral.Id, "S47Enquiry")).StatusCode);
    }

    [Fact]
    public async Task A_referral_without_reasonable_cause_can_be_signposted_without_an_s47_decision()
    {
        var referral = await ReferAsync("Plain");
        Assert.False(referral.ReasonableCause);
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);

        Assert.Equal(HttpStatusCode.Created, (await DecideAsync(worker, referral.Id, "SignpostedToOutreach")).StatusCode);
    }

    [Fact]
    public async Task An_undecided_referral_is_overdue_one_microsecond_after_its_deadline_and_listed_with_how_late_it_is()
    {
        var referral = await ReferAsync("Overdue");
        var due = referral.DecisionDue.Utc;

        fixture.Clock.SetUtcNow(due);
        Assert.DoesNotContain(await OverdueAsync(), r => r.Id == referral.Id);
        fixture.Clock.Advance(TimeSpan.FromMicroseconds(1)); // PostgreSQL keeps microseconds
        Assert.Contains(await OverdueAsync(), r => r.Id == referral.Id);
        fixture.Clock.SetUtcNow(due + TimeSpan.FromHours(26) + TimeSpan.FromMinutes(15));

        var row = Assert.Single(await OverdueAsync(), r => r.Id == referral.Id);
        Assert.True(row.Overdue);
        Assert.Equal(TimeSpan.FromHours(26) + TimeSpan.FromMinutes(15), row.OverdueBy);
        Assert.Equal(26, row.OverdueByHours);
        Assert.Equal(due, row.DecisionDue.Utc);

        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        using var late = await DecideAsync(worker, referral.Id, "CseCaseOpened");
        var decided = (await late.Content.ReadFromJsonAsync<ReferralResponse>(ReferralRequests.Json))!;
        Assert.True(decided.Decision!.Late);
        Assert.DoesNotContain(await OverdueAsync(), r => r.Id == referral.Id);
        await using var db = fixture.CreateDbContext();
        Assert.True(Assert.Single(await db.OutboxAsync<ReferralDecided>(m => m.ReferralId == referral.Id)).DecidedLate);
    }

    [Fact]
    public async Task The_overdue_job_announces_each_overdue_referral_exactly_once_and_never_a_decided_one()
    {
        var overdue = await ReferAsync("Announced");
        var decided = await ReferAsync("InTime");
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        await DecideAsync(worker, decided.Id, "NoFurtherAction");

        await Job.RunOnceAsync(CancellationToken.None);
        await using (var before = fixture.CreateDbContext())
        {
            Assert.Empty(await before.OutboxAsync<ReferralDecisionOverdue>(m => m.ReferralId == overdue.Id));
        }

        // The job runs by itself on the clock's tick past the deadline...
        fixture.Clock.SetUtcNow(overdue.DecisionDue.Utc + TimeSpan.FromMinutes(2));
        await Eventually.TrueAsync(async () =>
        {
            await using var db = fixture.CreateDbContext();
            return (await db.OutboxAsync<ReferralDecisionOverdue>(m => m.ReferralId == overdue.Id)).Count > 0;
        }, because: "the overdue job to run on the clock's tick");
        // ...and however often it runs again, or concurrently, the referral is announced once.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Job.RunOnceAsync(CancellationToken.None)));
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        await Job.RunOnceAsync(CancellationToken.None);

        await using var after = fixture.CreateDbContext();
        var announced = Assert.Single(await after.OutboxAsync<ReferralDecisionOverdue>(m => m.ReferralId == overdue.Id));
        Assert.Equal(overdue.DecisionDue.Utc, announced.DecisionDueAt);
        Assert.Equal(overdue.YoungPerson.Id, announced.YoungPersonId);
        Assert.Empty(await after.OutboxAsync<ReferralDecisionOverdue>(m => m.ReferralId == decided.Id));
        Assert.NotNull((await after.Referrals.SingleAsync(r => r.Id == overdue.Id)).OverdueNotifiedAt);
    }

    [Fact]
    public async Task An_undecided_referral_goes_to_the_senior_managers_list_once_at_its_escalation_point_and_a_decided_one_never()
    {
        var undecided = await ReferAsync("Escalated");
        var decided = await ReferAsync("DecidedLate");
        Assert.True(undecided.EscalatesAt.Utc > undecided.DecisionDue.Utc);

        // Past the deadline but not the escalation point: overdue, not escalated.
        fixture.MoveClockTo(undecided.DecisionDue.Utc + TimeSpan.FromMinutes(1));
        await Job.RunOnceAsync(CancellationToken.None);
        Assert.DoesNotContain(await EscalatedAsync(), r => r.Id == undecided.Id);
        await using (var before = fixture.CreateDbContext())
        {
            Assert.Empty(await before.OutboxAsync<ReferralDecisionEscalated>(m => m.ReferralId == undecided.Id));
        }
        using (var worker = fixture.Host.ClientFor(Roles.SocialWorker))
        {
            await DecideAsync(worker, decided.Id, "NoFurtherAction");
        }

        fixture.MoveClockTo(undecided.EscalatesAt.Utc + TimeSpan.FromMinutes(1));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Job.RunOnceAsync(CancellationToken.None)));
        // The hosted job also runs on the clock's tick and may hold the claim while the passes above skip it.
        await Eventually.TrueAsync(async () =>
        {
            await using var db = fixture.CreateDbContext();
            return (await db.OutboxAsync<ReferralDecisionEscalated>(m => m.ReferralId == undecided.Id)).Count > 0;
        }, because: "the escalation to be announced");
        await Job.RunOnceAsync(CancellationToken.None);

        var listed = Assert.Single(await EscalatedAsync(), r => r.Id == undecided.Id);
        Assert.True(listed.Escalated);
        Assert.Equal(undecided.EscalatesAt, listed.EscalatesAt);
        Assert.DoesNotContain(await EscalatedAsync(), r => r.Id == decided.Id);
        await using var after = fixture.CreateDbContext();
        var announced = Assert.Single(await after.OutboxAsync<ReferralDecisionEscalated>(m => m.ReferralId == undecided.Id));
        Assert.Equal((undecided.DecisionDue.Utc, undecided.EscalatesAt.Utc, undecided.YoungPerson.Id),
            (announced.DecisionDueAt, announced.EscalatesAt, announced.YoungPersonId));
        Assert.Single(await after.OutboxAsync<ReferralDecisionOverdue>(m => m.ReferralId == undecided.Id));
        Assert.Empty(await after.OutboxAsync<ReferralDecisionEscalated>(m => m.ReferralId == decided.Id));
    }

    [Fact]
    public async Task The_escalated_list_is_for_managers()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);

        using var response = await worker.GetAsync("/api/referrals?escalated=true");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
