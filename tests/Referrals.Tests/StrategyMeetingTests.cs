using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Support.Contracts.Referrals;
using Support.Referrals.Domain.StrategyMeetings;
using Support.Referrals.Features.StrategyMeetings;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>REF-11 (complete before final), REF-12 (decisions on every child's record) and action tracking.</summary>
public sealed class StrategyMeetingTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private HttpClient Worker() => fixture.Host.ClientFor(Roles.SocialWorker, "sw-meetings");

    private DateTimeOffset HeldAt => fixture.Clock.GetUtcNow().AddHours(-2);

    [Fact]
    public async Task Finalising_an_empty_draft_is_a_422_naming_each_missing_field()
    {
        using var worker = Worker();
        var first = await worker.RegisteredChildAsync();
        var second = await worker.RegisteredChildAsync();
        var draft = await worker.DraftAsync(new { youngPersonIds = new[] { first, second } });

        using var response = await worker.FinaliseAsync(draft.Id);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(
            new[] { "heldAt", "chair", "attendees", $"childViews[{first}]", $"childViews[{second}]", "familyView", "decisions", "actions" }.Order(),
            (await response.ErrorFieldsAsync()).Order());
    }

    [Fact]
    public async Task Each_incomplete_part_is_named_until_the_record_is_complete()
    {
        using var worker = Worker();
        var child = await worker.RegisteredChildAsync();
        var draft = await worker.DraftAsync(new
        {
            youngPersonIds = new[] { child },
            heldAt = HeldAt,
            chair = new { name = "Dana Chair" },
            attendees = new[] { new { name = "Yas Youth", role = "Youth worker" } },
            childViews = new[] { new { youngPersonId = child } },
            familyView = "  ",
            decisions = new[] { new { text = "" } },
            actions = new[] { new { description = "Visit", owner = (string?)null, dueAt = (DateTimeOffset?)null } },
        });

        using var response = await worker.FinaliseAsync(draft.Id);

        Assert.Equal(
            new[] { "chair.role", "chair.grade", "attendees[0].agency", $"childViews[{child}]", "familyView", "decisions[0].text", "actions[0].owner", "actions[0].dueAt" }.Order(),
            (await response.ErrorFieldsAsync()).Order());
    }

    [Fact]
    public async Task No_further_action_needs_a_rationale_and_then_stands_instead_of_actions()
    {
        using var worker = Worker();
        var child = await worker.RegisteredChildAsync();
        var body = StrategyRequests.CompleteMeeting([child], HeldAt);
        var draft = await worker.DraftAsync(body);
        var noActions = new Dictionary<string, object?>(ToDictionary(body)) { ["actions"] = Array.Empty<object>(), ["noFurtherAction"] = true };
        Assert.Equal(HttpStatusCode.OK, (await worker.PutAsJsonAsync($"/api/referrals/strategy-meetings/{draft.Id}", noActions)).StatusCode);

        using (var withoutRationale = await worker.FinaliseAsync(draft.Id))
        {
            Assert.Equal(["noFurtherActionRationale"], await withoutRationale.ErrorFieldsAsync());
        }
        noActions["noFurtherActionRationale"] = "Child safe with grandparents; no continuing risk identified by any agency.";
        Assert.Equal(HttpStatusCode.OK, (await worker.PutAsJsonAsync($"/api/referrals/strategy-meetings/{draft.Id}", noActions)).StatusCode);

        using var finalised = await worker.FinaliseAsync(draft.Id);

        Assert.Equal(HttpStatusCode.OK, finalised.StatusCode);
        var meeting = await finalised.ReadAsync<StrategyMeetingResponse>();
        Assert.True(meeting.NoFurtherAction);
        Assert.Empty(meeting.Actions);
    }

    [Fact]
    public async Task A_finalised_meeting_about_two_children_puts_each_childs_decisions_and_actions_on_their_own_record()
    {
        using var worker = Worker();
        var first = await worker.RegisteredChildAsync();
        var second = await worker.RegisteredChildAsync();
        var heldAt = HeldAt;
        var body = new Dictionary<string, object?>(ToDictionary(StrategyRequests.CompleteMeeting([first, second], heldAt)))
        {
            ["decisions"] = new object[]
            {
                new { text = "Joint police and social care enquiries for both." },
                new { text = "Refer the first child to the sexual health service.", youngPersonId = first },
            },
            ["actions"] = new object[]
            {
                new { description = "Disruption notice on the flat", owner = "pat-police", dueAt = heldAt.AddDays(2) },
                new { description = "Return-home interview follow-up", owner = "yas-youth", dueAt = heldAt.AddDays(1), youngPersonId = second },
            },
        };

        var meeting = await worker.FinalisedMeetingAsync(body);

        Assert.Equal(StrategyMeetingStatus.Finalised, meeting.Status);
        Assert.Equal(3, meeting.Actions.Count); // the shared action once per child, the second child's own once
        var finalised = Assert.Single(await fixture.OutboxAsync<StrategyMeetingFinalised>(m => m.MeetingId == meeting.Id));
        Assert.Equal("TeamManager", finalised.ChairGrade);
        Assert.False(finalised.OrganisedOrMultipleAbuse);
        var forFirst = Assert.Single(finalised.Children, c => c.YoungPersonId == first);
        var forSecond = Assert.Single(finalised.Children, c => c.YoungPersonId == second);
        Assert.Equal(2, forFirst.Decisions.Count);
        Assert.Equal(["Joint police and social care enquiries for both."], forSecond.Decisions);
        Assert.Single(forFirst.Actions);
        Assert.Equal(2, forSecond.Actions.Count);

        var record = await (await worker.GetAsync($"/api/referrals/young-people/{second}/strategy-meetings")).ReadAsync<List<ChildMeetingResponse>>();
        var onRecord = Assert.Single(record);
        Assert.Equal(meeting.Id, onRecord.MeetingId);
        Assert.Equal(["Joint police and social care enquiries for both."], onRecord.Decisions);
        Assert.Equal(2, onRecord.Actions.Count);
        Assert.Equal(second, onRecord.ChildView!.YoungPersonId);
        Assert.Equal([first], onRecord.OtherYoungPersonIds);
    }

    [Fact]
    public async Task Reading_a_childs_strategy_meetings_is_audited()
    {
        using var worker = Worker();
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-audit");
        var child = await worker.RegisteredChildAsync();
        await worker.FinalisedMeetingAsync(StrategyRequests.CompleteMeeting([child], HeldAt));

        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/api/referrals/young-people/{child}/strategy-meetings")).StatusCode);

        var log = await manager.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/referrals/young-people/{child}/access-log");
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("actor").GetString() == "sw-meetings" && e.GetProperty("path").GetString()!.EndsWith("/strategy-meetings", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_finalised_meeting_cannot_change_even_in_the_database_and_takes_addenda_instead()
    {
        using var worker = Worker();
        var child = await worker.RegisteredChildAsync();
        var body = StrategyRequests.CompleteMeeting([child], HeldAt);
        var meeting = await worker.FinalisedMeetingAsync(body);

        Assert.Equal(HttpStatusCode.Conflict, (await worker.PutAsJsonAsync($"/api/referrals/strategy-meetings/{meeting.Id}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await worker.FinaliseAsync(meeting.Id)).StatusCode);
        await using (var db = fixture.CreateDbContext())
        {
            var sql = $"UPDATE referrals.strategy_meetings SET family_view = 'rewritten' WHERE id = '{meeting.Id}'";
            var refused = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(sql));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }

        using var addendum = await worker.PostAsJsonAsync($"/api/referrals/strategy-meetings/{meeting.Id}/addenda",
            new { text = "Correction: the police attendee was DC Pat Police, not PC." });

        Assert.Equal(HttpStatusCode.Created, addendum.StatusCode);
        var read = await (await worker.GetAsync($"/api/referrals/strategy-meetings/{meeting.Id}")).ReadAsync<StrategyMeetingResponse>();
        Assert.Single(read.Addenda);
        Assert.Equal(body.GetType().GetProperty("familyView")!.GetValue(body), read.FamilyView);
    }

    [Fact]
    public async Task A_draft_takes_no_addendum_and_a_draft_about_an_unknown_child_or_foreign_pathway_is_refused()
    {
        using var worker = Worker();
        var child = await worker.RegisteredChildAsync();
        var other = await worker.RegisteredChildAsync();
        var otherPathway = await worker.StartPathwayAsync(other);
        var draft = await worker.DraftAsync(new { youngPersonIds = new[] { child } });

        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync($"/api/referrals/strategy-meetings/{draft.Id}/addenda", new { text = "x" })).StatusCode);
        using (var none = await worker.PostAsJsonAsync("/api/referrals/strategy-meetings", new { youngPersonIds = Array.Empty<Guid>() }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
            Assert.Equal(["youngPersonIds"], await none.ErrorFieldsAsync());
        }
        using (var unknown = await worker.PostAsJsonAsync("/api/referrals/strategy-meetings", new { youngPersonIds = new[] { Guid.NewGuid() } }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
            Assert.Equal(["youngPersonIds"], await unknown.ErrorFieldsAsync());
        }
        using (var foreign = await worker.PostAsJsonAsync("/api/referrals/strategy-meetings", new { youngPersonIds = new[] { child }, pathwayIds = new[] { otherPathway.Id } }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.StatusCode);
            Assert.Equal(["pathwayIds"], await foreign.ErrorFieldsAsync());
        }
        using var stranger = await worker.PostAsJsonAsync("/api/referrals/strategy-meetings",
            new { youngPersonIds = new[] { child }, decisions = new[] { new { text = "x", youngPersonId = other } } });
        Assert.Equal(["decisions[0].youngPersonId"], await stranger.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await worker.FinaliseAsync(Guid.NewGuid())).StatusCode);
    }

    [Fact]
    public async Task A_meeting_cannot_be_finalised_before_it_was_held()
    {
        using var worker = Worker();
        var child = await worker.RegisteredChildAsync();
        var draft = await worker.DraftAsync(StrategyRequests.CompleteMeeting([child], fixture.Clock.GetUtcNow().AddHours(1)));

        using var response = await worker.FinaliseAsync(draft.Id);

        Assert.Equal(["heldAt"], await response.ErrorFieldsAsync());
    }

    private static Dictionary<string, object?> ToDictionary(object body) =>
        body.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(body));
}

/// <summary>REF-11: every action is tracked until done, and overdue ones show per child and overall. Moves the clock.</summary>
public sealed class StrategyActionTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    [Fact]
    public async Task An_action_is_overdue_after_its_due_time_until_completed_and_completing_it_late_is_announced_once()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-actions");
        var child = await worker.RegisteredChildAsync();
        var heldAt = fixture.Clock.GetUtcNow().AddHours(-1);
        var meeting = await worker.FinalisedMeetingAsync(StrategyRequests.CompleteMeeting([child], heldAt));
        var action = Assert.Single(meeting.Actions);
        async Task<List<StrategyActionResponse>> OverdueAsync(string query) =>
            await (await worker.GetAsync($"/api/referrals/strategy-actions?{query}")).ReadAsync<List<StrategyActionResponse>>();

        fixture.Clock.SetUtcNow(action.DueAt.Utc);
        Assert.Empty(await OverdueAsync($"youngPersonId={child}&overdue=true"));

        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(action.Id, Assert.Single(await OverdueAsync($"youngPersonId={child}&overdue=true")).Id);
        Assert.Contains(await OverdueAsync("overdue=true"), a => a.Id == action.Id);
        var onRecord = Assert.Single(await (await worker.GetAsync($"/api/referrals/young-people/{child}/strategy-meetings")).ReadAsync<List<ChildMeetingResponse>>());
        Assert.True(Assert.Single(onRecord.Actions).Overdue);

        using var completed = await worker.PostAsJsonAsync($"/api/referrals/strategy-actions/{action.Id}/complete", new { note = "Visited at school." });

        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var done = await completed.ReadAsync<StrategyActionResponse>();
        Assert.True(done.Completed);
        Assert.True(done.CompletedLate);
        Assert.False(done.Overdue);
        Assert.Empty(await OverdueAsync($"youngPersonId={child}&overdue=true"));
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync($"/api/referrals/strategy-actions/{action.Id}/complete", new { })).StatusCode);
        var announced = Assert.Single(await fixture.OutboxAsync<StrategyActionCompleted>(m => m.ActionId == action.Id));
        Assert.True(announced.CompletedLate);
        Assert.Equal(child, announced.YoungPersonId);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.PostAsJsonAsync($"/api/referrals/strategy-actions/{Guid.NewGuid()}/complete", new { })).StatusCode);
    }

    [Fact]
    public async Task A_deferred_action_keeps_its_original_date_is_marked_slipped_and_its_rag_and_lateness_are_judged_against_the_original()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-slip");
        var child = await worker.RegisteredChildAsync();
        var meeting = await worker.FinalisedMeetingAsync(StrategyRequests.CompleteMeeting([child], fixture.Clock.GetUtcNow().AddHours(-1)));
        var action = Assert.Single(meeting.Actions);
        Assert.Equal((false, 0, action.DueAt), (action.Slipped, action.Deferrals, action.OriginalDueAt));
        var original = action.DueAt.Utc;
        // On time and not yet deferred: green, or amber in the last day before the date agreed.
        var expected = original - fixture.Clock.GetUtcNow() <= TimeSpan.FromDays(1) ? StrategyActionRag.Amber : StrategyActionRag.Green;
        Assert.Equal(expected, (await ActionAsync(worker, child, action.Id)).Rag);

        using var first = await worker.PostAsJsonAsync($"/api/referrals/strategy-actions/{action.Id}/deferrals",
            new { dueAt = original.AddDays(7), reason = "School visit moved: the young person is on a residential trip." });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var slipped = await first.ReadAsync<StrategyActionResponse>();
        Assert.Equal((original.AddDays(7), original, true, 1), (slipped.DueAt.Utc, slipped.OriginalDueAt.Utc, slipped.Slipped, slipped.Deferrals));
        Assert.Equal(StrategyActionRag.Amber, slipped.Rag); // slipped, though the original date has not come yet

        using var second = await worker.PostAsJsonAsync($"/api/referrals/strategy-actions/{action.Id}/deferrals",
            new { dueAt = original.AddDays(14), reason = "Police interview first." });
        Assert.Equal(2, (await second.ReadAsync<StrategyActionResponse>()).Deferrals);

        fixture.Clock.SetUtcNow(original.AddSeconds(1));
        var pastOriginal = await ActionAsync(worker, child, action.Id);
        Assert.Equal((StrategyActionRag.Red, false), (pastOriginal.Rag, pastOriginal.Overdue)); // red against the original, not yet overdue against the new date
        var overdueJob = fixture.Host.Services.GetRequiredService<StrategyActionOverdueJob>();
        await overdueJob.RunOnceAsync(CancellationToken.None);
        Assert.Empty(await fixture.OutboxAsync<StrategyActionOverdue>(m => m.ActionId == action.Id));
        fixture.Clock.SetUtcNow(original.AddDays(14).AddSeconds(1));
        // Moving the clock also wakes the service's own job, which may hold the row while this pass skips it: wait.
        await overdueJob.RunOnceAsync(CancellationToken.None);
        var overdue = await Eventually.GetAsync(async () => (await fixture.OutboxAsync<StrategyActionOverdue>(m => m.ActionId == action.Id)).SingleOrDefault(),
            because: "the action to be announced overdue against its current due time");
        Assert.Equal(original.AddDays(14), overdue.DueAt);

        using var completed = await worker.PostAsJsonAsync($"/api/referrals/strategy-actions/{action.Id}/complete", new { note = "Visited." });
        var done = await completed.ReadAsync<StrategyActionResponse>();
        Assert.Equal((true, StrategyActionRag.Done), (done.CompletedLate, done.Rag));
        var announced = (await fixture.OutboxAsync<StrategyActionDeferred>(m => m.ActionId == action.Id)).OrderBy(m => m.Deferrals).ToList();
        Assert.Equal([1, 2], announced.Select(m => m.Deferrals));
        Assert.All(announced, m => Assert.Equal((original, child), (m.OriginalDueAt, m.YoungPersonId)));
        Assert.Equal(original.AddDays(7), announced[1].FromDueAt);
    }

    [Fact]
    public async Task A_deferral_needs_a_reason_and_a_later_date_within_a_year_and_a_done_action_cannot_be_deferred()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-slip-bad");
        var child = await worker.RegisteredChildAsync();
        var meeting = await worker.FinalisedMeetingAsync(StrategyRequests.CompleteMeeting([child], fixture.Clock.GetUtcNow().AddHours(-1)));
        var action = Assert.Single(meeting.Actions);
        var url = $"/api/referrals/strategy-actions/{action.Id}/deferrals";

        using var noReason = await worker.PostAsJsonAsync(url, new { dueAt = action.DueAt.Utc.AddDays(1) });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", await noReason.ErrorFieldsAsync());
        using var earlier = await worker.PostAsJsonAsync(url, new { dueAt = action.DueAt.Utc, reason = "x" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, earlier.StatusCode);
        Assert.Contains("dueAt", await earlier.ErrorFieldsAsync());
        using var tooFar = await worker.PostAsJsonAsync(url, new { dueAt = fixture.Clock.GetUtcNow().AddYears(1).AddDays(1), reason = "x" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooFar.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.PostAsJsonAsync($"/api/referrals/strategy-actions/{Guid.NewGuid()}/deferrals", new { dueAt = action.DueAt.Utc.AddDays(1), reason = "x" })).StatusCode);
        Assert.Equal((false, 0), ((await ActionAsync(worker, child, action.Id)).Slipped, (await ActionAsync(worker, child, action.Id)).Deferrals));

        await worker.PostAsJsonAsync($"/api/referrals/strategy-actions/{action.Id}/complete", new { });
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync(url, new { dueAt = action.DueAt.Utc.AddDays(1), reason = "x" })).StatusCode);
        await using var db = fixture.CreateDbContext();
        Assert.False(await db.StrategyActionDeferrals.AnyAsync(d => d.ActionId == action.Id));
    }

    private static async Task<StrategyActionResponse> ActionAsync(HttpClient worker, Guid child, Guid actionId) =>
        Assert.Single(await (await worker.GetAsync($"/api/referrals/strategy-actions?youngPersonId={child}")).ReadAsync<List<StrategyActionResponse>>(), a => a.Id == actionId);
}
