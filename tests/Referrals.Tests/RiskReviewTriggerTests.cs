using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Support.Contracts.Missing;
using Support.Contracts.Risk;
using Support.Referrals.Domain;
using Support.Referrals.Features.ManagerTasks;
using Support.Referrals.Features.RiskAssessments;
using Support.Referrals.Features.RiskReviews;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>REF-16 over the real broker: what the Missing service publishes opens risk reviews here, exactly once.</summary>
[Collection(RealBusCollection.Name)]
public sealed class RiskReviewTriggerTests() : RealBusReferralsTests("referrals-reviews")
{
    private const string Queue = "referrals-return-interview-completed";
    private static readonly JsonSerializerOptions Json = YoungPersonRequests.Json;
    private static ReturnInterviewCompleted Interview(Guid youngPersonId, DateTimeOffset completedAt, bool disclosure = false, params RiskIndicator[] indicators) => new()
    {
        InterviewId = Guid.NewGuid(), EpisodeId = Guid.NewGuid(), YoungPersonId = youngPersonId, CompletedAt = completedAt,
        Indicators = indicators, DisclosureMade = disclosure, Locations = ["Town centre"], SharingBasis = "SafeguardingOverride",
        OccurredAt = completedAt,
    };

    private async Task<List<RiskReviewResponse>> ReviewsAsync(Guid youngPersonId)
    {
        using var client = Host.ClientFor(Roles.SocialWorker);
        return (await client.GetFromJsonAsync<List<RiskReviewResponse>>($"/api/referrals/risk-reviews?youngPersonId={youngPersonId}", Json))!;
    }

    private Task<List<RiskReviewResponse>> WaitForReviewsAsync(Guid youngPersonId) =>
        Eventually.GetAsync(async () => await ReviewsAsync(youngPersonId) is { Count: > 0 } list ? list : null, because: "a risk review to open");

    [Fact]
    public async Task A_return_interview_with_indicators_opens_one_review_due_in_5_working_days()
    {
        var person = Guid.NewGuid();
        var completedAt = new DateTimeOffset(2026, 11, 20, 16, 0, 0, TimeSpan.Zero); // a Friday

        await Bus.PublishAsync(Interview(person, completedAt, false, RiskIndicator.PickedUpByTaxi, RiskIndicator.AlcoholOrDrugsSupplied), Guid.NewGuid());

        var review = Assert.Single(await WaitForReviewsAsync(person));
        Assert.Equal(RiskReviewTrigger.ReturnInterviewCompleted, review.Trigger);
        Assert.Equal([RiskIndicator.AlcoholOrDrugsSupplied, RiskIndicator.PickedUpByTaxi], review.Indicators.OrderBy(i => i.ToString()));
        Assert.False(review.Urgent);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero), review.DueAt.Utc);
        Assert.Equal("2026-11-27 16:00 +00:00 GMT", review.DueAt.Shown());
        Assert.Equal(RiskReviewStatus.Open, review.Status);
    }

    [Fact]
    public async Task A_return_interview_finding_a_pregnancy_at_14_raises_the_legal_flag_on_the_child_once_with_a_managers_task()
    {
        using var client = Host.ClientFor(Roles.SocialWorker, "sw-interview-flags");
        var person = (await client.RegisterAsync(YoungPersonRequests.Valid("Interview", "Flagged", "2012-03-01"))).Id;
        var interview = Interview(person, new DateTimeOffset(2026, 11, 20, 16, 0, 0, TimeSpan.Zero), false, RiskIndicator.Pregnancy);

        await Bus.PublishAsync(interview, Guid.NewGuid());
        await Bus.PublishAsync(interview, Guid.NewGuid()); // the same finding sent again: flags name the interview, once
        await WaitForReviewsAsync(person);

        var flag = Assert.Single((await client.GetFromJsonAsync<List<LegalFlagResponse>>($"/api/referrals/young-people/{person}/legal-flags", Json))!);
        Assert.Equal((LegalFlag.UnlawfulSexualActivityChildVictim, interview.InterviewId, 14), (flag.Flag, flag.SourceId, flag.AgeOnEventDate));
        using var manager = Host.ClientFor(Roles.TeamManager);
        var task = Assert.Single((await manager.GetFromJsonAsync<List<ManagerTaskResponse>>($"/api/referrals/manager-tasks?youngPersonId={person}", Json))!);
        Assert.Equal((interview.InterviewId, false), (task.SourceId, task.Completed));
    }

    [Fact]
    public async Task The_same_interview_delivered_twice_or_sent_again_opens_only_one_review()
    {
        var person = Guid.NewGuid();
        var interview = Interview(person, DateTimeOffset.UtcNow, true);
        var messageId = Guid.NewGuid();

        var sentAgain = Guid.NewGuid();

        await Bus.PublishAsync(interview, messageId);
        await Bus.PublishAsync(interview, messageId);          // redelivery: the inbox absorbs it
        await Bus.PublishAsync(interview, sentAgain);          // the same finding as a new message: the trigger key absorbs it
        await WaitForReviewsAsync(person);
        // Every delivery has been consumed: both copies of the first message and the second message.
        await Consumed.WaitForAsync(Queue, messageId, deliveries: 2);
        await Consumed.WaitForAsync(Queue, sentAgain);

        Assert.Single(await ReviewsAsync(person));
    }

    [Fact]
    public async Task An_interview_with_no_indicator_and_no_disclosure_opens_no_review()
    {
        var quiet = Guid.NewGuid();
        var messageId = Guid.NewGuid();

        await Bus.PublishAsync(Interview(quiet, DateTimeOffset.UtcNow), messageId);
        await Consumed.WaitForAsync(Queue, messageId);

        Assert.Empty(await ReviewsAsync(quiet));
    }

    [Fact]
    public async Task Injuries_on_return_make_the_review_urgent_due_in_1_working_day()
    {
        var person = Guid.NewGuid();
        var completedAt = new DateTimeOffset(2026, 11, 20, 16, 0, 0, TimeSpan.Zero); // Friday

        await Bus.PublishAsync(Interview(person, completedAt, false, RiskIndicator.InjuriesOnReturn), Guid.NewGuid());

        var review = Assert.Single(await WaitForReviewsAsync(person));
        Assert.True(review.Urgent);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero), review.DueAt.Utc);
    }

    [Fact]
    public async Task Pregnancy_is_urgent_for_a_registered_child_under_13_on_the_date_of_the_interview_but_not_at_13()
    {
        using var client = Host.ClientFor(Roles.SocialWorker);
        var younger = await client.RegisterAsync(YoungPersonRequests.Valid("Under", "Thirteen", "2013-11-21"));
        var older = await client.RegisterAsync(YoungPersonRequests.Valid("Just", "Thirteen", "2013-11-20"));
        var completedAt = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

        await Bus.PublishAsync(Interview(younger.Id, completedAt, false, RiskIndicator.Pregnancy), Guid.NewGuid());
        await Bus.PublishAsync(Interview(older.Id, completedAt, false, RiskIndicator.Pregnancy), Guid.NewGuid());

        Assert.True(Assert.Single(await WaitForReviewsAsync(younger.Id)).Urgent);
        Assert.False(Assert.Single(await WaitForReviewsAsync(older.Id)).Urgent);
    }

    [Fact]
    public async Task Repeat_missing_opens_a_review_once_per_set_of_episodes()
    {
        var person = Guid.NewGuid();
        var detected = new RepeatMissingDetected
        {
            YoungPersonId = person, EpisodeIds = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()], WindowDays = 90, OccurredAt = DateTimeOffset.UtcNow,
        };

        await Bus.PublishAsync(detected, Guid.NewGuid());
        await Bus.PublishAsync(detected, Guid.NewGuid());

        var review = Assert.Single(await WaitForReviewsAsync(person));
        Assert.Equal(RiskReviewTrigger.RepeatMissing, review.Trigger);
        Assert.Contains(RiskIndicator.MissingFromHome, review.Indicators);
    }

    [Fact]
    public async Task Overdue_reviews_are_listed_and_commissioners_cannot_see_reviews()
    {
        var person = Guid.NewGuid();
        await Bus.PublishAsync(Interview(person, new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), true), Guid.NewGuid());
        var review = Assert.Single(await WaitForReviewsAsync(person));
        Assert.True(review.Overdue);

        using var manager = Host.ClientFor(Roles.TeamManager);
        var overdue = await manager.GetFromJsonAsync<List<RiskReviewResponse>>("/api/referrals/risk-reviews?overdue=true", Json);
        Assert.Contains(overdue!, r => r.Id == review.Id);

        using var commissioner = Host.ClientFor(Roles.Commissioner);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await commissioner.GetAsync("/api/referrals/risk-reviews?overdue=true")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await manager.GetAsync("/api/referrals/risk-reviews")).StatusCode);
    }
}
