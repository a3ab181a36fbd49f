using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Contracts.Risk;
using Support.Referrals.Domain;
using Support.Referrals.Domain.Risk;
using Support.Referrals.Features.RiskReviews;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Time;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>
/// REF-16: reviews opened by hand, owned, completed once with a level, rationale and actions over every trigger since
/// the previous completed review; the level follows REF-14/REF-15; a missed review is announced once.
/// </summary>
public sealed class RiskReviewCompletionTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private const string Reviews = "/api/referrals/risk-reviews";

    private async Task<Guid> PersonAsync(string dateOfBirth = "2011-03-10")
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker, "sw-register");
        return (await client.RegisterAsync(YoungPersonRequests.Valid("Under", "Review", dateOfBirth))).Id;
    }

    private async Task<RiskReviewResponse> OpenAsync(Guid person, string reason = "Seen getting into cars after school", string[]? indicators = null)
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-opens");
        using var response = await worker.PostAsJsonAsync(Reviews, new { youngPersonId = person, reason, indicators = indicators ?? [] });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<RiskReviewResponse>();
    }

    private static object Completion(string level = "High", string rationale = "Two triggers in a week; adult offering lifts.", object[]? actions = null) => new
    {
        level,
        rationale,
        actions = actions ?? [new { description = "Strategy discussion", owner = "tm-ward", dueOn = "2026-12-01" }],
    };

    private async Task<HttpResponseMessage> CompleteAsync(Guid reviewId, object body, string role = Roles.SocialWorker, string user = "sw-completes")
    {
        using var client = fixture.Host.ClientFor(role, user);
        return await client.PostAsJsonAsync($"{Reviews}/{reviewId}/complete", body);
    }

    private async Task<RiskReviewResponse> GetAsync(Guid reviewId)
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);
        return (await client.GetFromJsonAsync<RiskReviewResponse>($"{Reviews}/{reviewId}", YoungPersonRequests.Json))!;
    }

    private void MoveTo(DateTimeOffset at)
    {
        if (at > fixture.Clock.GetUtcNow())
        {
            fixture.Clock.SetUtcNow(at);
        }
    }

    [Fact]
    public async Task A_review_opened_by_hand_records_the_reason_is_due_in_5_working_days_and_is_announced()
    {
        var person = await PersonAsync();
        var openedAt = fixture.Clock.GetUtcNow();

        var review = await OpenAsync(person, "School reports older men waiting at the gate");

        Assert.Equal(RiskReviewTrigger.Manual, review.Trigger);
        Assert.Equal("School reports older men waiting at the gate", review.Reason);
        Assert.Equal("sw-opens", review.RecordedBy);
        Assert.Equal(WorkingDays.Add(openedAt, RiskReview.StandardWorkingDays), review.DueAt.Utc);
        var opened = Assert.Single(await fixture.OutboxAsync<RiskReviewOpened>(m => m.ReviewId == review.Id));
        Assert.Equal("Manual", opened.Trigger);
        Assert.Equal(review.DueAt.Utc, opened.DueAt);
    }

    [Fact]
    public async Task A_manual_review_with_a_VeryHigh_indicator_is_due_in_1_working_day_skipping_christmas_and_the_substitute_boxing_day()
    {
        // No other test in this class moves the clock past early December.
        MoveTo(new DateTimeOffset(2026, 12, 24, 10, 0, 0, TimeSpan.Zero));
        var person = await PersonAsync();

        var review = await OpenAsync(person, "Came back with injuries", ["InjuriesOnReturn"]);

        Assert.True(review.Urgent);
        // 25 Dec (Fri), weekend, 28 Dec (substitute Boxing Day): due Tuesday 29 December.
        Assert.Equal(new DateTimeOffset(2026, 12, 29, 10, 0, 0, TimeSpan.Zero), review.DueAt.Utc);
    }

    [Fact]
    public async Task Opening_by_hand_needs_a_reason_and_a_registered_young_person_and_is_closed_to_commissioners()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        using var commissioner = fixture.Host.ClientFor(Roles.Commissioner);

        using var noReason = await worker.PostAsJsonAsync(Reviews, new { youngPersonId = await PersonAsync() });
        Assert.Equal(["reason"], await noReason.ErrorFieldsAsync());
        using var unknown = await worker.PostAsJsonAsync(Reviews, new { youngPersonId = Guid.NewGuid(), reason = "Concern" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal(["youngPersonId"], await unknown.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.PostAsJsonAsync(Reviews, new { youngPersonId = Guid.NewGuid(), reason = "x" })).StatusCode);
    }

    [Fact]
    public async Task An_owner_can_be_assigned_to_an_open_review()
    {
        var review = await OpenAsync(await PersonAsync());
        using var manager = fixture.Host.ClientFor(Roles.TeamManager);

        using var assigned = await manager.PostAsJsonAsync($"{Reviews}/{review.Id}/owner", new { owner = "sw-jones" });

        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal("sw-jones", (await GetAsync(review.Id)).Owner);
        Assert.Equal(["owner"], await (await manager.PostAsJsonAsync($"{Reviews}/{review.Id}/owner", new { owner = "" })).ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsJsonAsync($"{Reviews}/{Guid.NewGuid()}/owner", new { owner = "x" })).StatusCode);
    }

    [Fact]
    public async Task Completing_a_review_raises_the_level_records_the_actions_announces_it_and_a_second_completion_is_a_409()
    {
        var person = await PersonAsync();
        var review = await OpenAsync(person, "Picked up by taxis", ["PickedUpByTaxi"]);

        using var completed = await CompleteAsync(review.Id, Completion("High"));

        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var body = await completed.ReadAsync<RiskReviewCompletionResponse>();
        Assert.Equal(RiskReviewStatus.Completed, body.Review.Status);
        Assert.Equal(RiskLevel.High, body.Assessment.SuggestedLevel);
        Assert.Equal(RiskAssessmentStatus.Applied, body.Assessment.Status);
        Assert.Equal(review.Id, body.Assessment.ReviewId);
        var action = Assert.Single(body.Review.Completion!.Actions);
        Assert.Equal(("Strategy discussion", "tm-ward", new DateOnly(2026, 12, 1)), (action.Description, action.Owner, action.DueOn));

        var announced = Assert.Single(await fixture.OutboxAsync<RiskReviewCompleted>(m => m.ReviewId == review.Id));
        Assert.Equal((RiskLevel.High, 1, false, "sw-completes"), (announced.Level, announced.ActionCount, announced.CompletedLate, announced.RecordedBy));
        var changed = Assert.Single(await fixture.OutboxAsync<RiskLevelChanged>(m => m.YoungPersonId == person));
        Assert.Equal(RiskLevel.High, changed.NewLevel);
        Assert.Equal(body.Assessment.Id, changed.SourceId);

        using var again = await CompleteAsync(review.Id, Completion("VeryHigh"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Single(await fixture.OutboxAsync<RiskReviewCompleted>(m => m.ReviewId == review.Id));
    }

    [Fact]
    public async Task Completing_a_review_with_a_lower_level_leaves_the_level_in_force_until_a_manager_countersigns()
    {
        var person = await PersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-earlier");
        await worker.AssessAsync(person, RiskRequests.Assessment(chosenLevel: "High"));
        var review = await OpenAsync(person);

        using var completed = await CompleteAsync(review.Id, Completion("Low", "Engaging well; no missing episodes since placement move."));

        var body = await completed.ReadAsync<RiskReviewCompletionResponse>();
        Assert.Equal(RiskAssessmentStatus.AwaitingCountersignature, body.Assessment.Status);
        await using (var db = fixture.CreateDbContext())
        {
            Assert.Equal(RiskLevel.High, (await db.CurrentRiskLevels.SingleAsync(c => c.YoungPersonId == person)).Level);
        }
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-review");
        Assert.Equal(HttpStatusCode.OK, (await manager.CountersignAsync(body.Assessment)).StatusCode);
        var downgrade = (await fixture.OutboxAsync<RiskLevelChanged>(m => m.YoungPersonId == person))[^1];
        Assert.Equal((RiskLevel.High, RiskLevel.Low, true, "tm-review"), (downgrade.PreviousLevel, downgrade.NewLevel, downgrade.IsDowngrade, downgrade.ApprovedBy));
    }

    [Fact]
    public async Task Completion_needs_a_level_a_rationale_and_an_owner_and_due_date_for_each_action()
    {
        var review = await OpenAsync(await PersonAsync());

        using var response = await CompleteAsync(review.Id, new { actions = new object[] { new { description = "Visit" } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["actions[0].dueOn", "actions[0].owner", "level", "rationale"], (await response.ErrorFieldsAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await CompleteAsync(Guid.NewGuid(), Completion())).StatusCode);
        Assert.Equal(RiskReviewStatus.Open, (await GetAsync(review.Id)).Status);
    }

    [Fact]
    public async Task A_review_lists_every_trigger_since_the_previous_completed_review()
    {
        var person = await PersonAsync();
        var first = await OpenAsync(person, "Outreach saw her in a car", ["DrivenAroundInCars"]);
        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        var second = await OpenAsync(person, "School absence", ["SchoolAbsence"]);
        fixture.Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal([first.Id, second.Id], (await GetAsync(second.Id)).Triggers!.Select(t => t.ReviewId));
        using var completed = await CompleteAsync(second.Id, Completion("High"));
        var body = await completed.ReadAsync<RiskReviewCompletionResponse>();
        Assert.Equal([first.Id, second.Id], body.Review.Completion!.TriggerReviewIds);
        // The assessment behind the completion read every trigger's indicators.
        Assert.Equal([RiskIndicator.SchoolAbsence, RiskIndicator.DrivenAroundInCars], body.Assessment.Indicators);

        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        var third = await OpenAsync(person, "Seen with older men", ["AdultsWaitingOutsideHomeOrSchool"]);
        Assert.Equal([third.Id], (await GetAsync(third.Id)).Triggers!.Select(t => t.ReviewId));
        Assert.Equal([first.Id, second.Id], (await GetAsync(second.Id)).Triggers!.Select(t => t.ReviewId));
    }

    [Fact]
    public async Task An_open_review_is_announced_overdue_once_just_after_its_due_time_and_a_completed_one_never()
    {
        var job = fixture.Host.Services.GetRequiredService<RiskReviewOverdueJob>();
        var review = await OpenAsync(await PersonAsync());
        var done = await OpenAsync(await PersonAsync());
        Assert.Equal(HttpStatusCode.OK, (await CompleteAsync(done.Id, Completion("High"))).StatusCode);

        MoveTo(review.DueAt.Utc);
        await job.RunOnceAsync(CancellationToken.None);
        Assert.Empty(await fixture.OutboxAsync<RiskReviewOverdue>(m => m.ReviewId == review.Id));
        Assert.False((await GetAsync(review.Id)).Overdue);

        // PostgreSQL keeps microseconds: the smallest step after the due time it can tell apart.
        fixture.Clock.Advance(TimeSpan.FromMicroseconds(1));
        var overdue = Assert.Single(await DeadlinePasses.AnnouncedAsync(job.RunOnceAsync,
            () => fixture.OutboxAsync<RiskReviewOverdue>(m => m.ReviewId == review.Id), 1, "the overdue review to be announced"));
        Assert.Equal(review.DueAt.Utc, overdue.DueAt);
        Assert.True((await GetAsync(review.Id)).Overdue);
        Assert.Empty(await fixture.OutboxAsync<RiskReviewOverdue>(m => m.ReviewId == done.Id));

        // Completed late: the completion says so.
        using var late = await CompleteAsync(review.Id, Completion("High"));
        Assert.True((await late.ReadAsync<RiskReviewCompletionResponse>()).Review.Completion!.CompletedLate);
        Assert.True(Assert.Single(await fixture.OutboxAsync<RiskReviewCompleted>(m => m.ReviewId == review.Id)).CompletedLate);
    }
}
