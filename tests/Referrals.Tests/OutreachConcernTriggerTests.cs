using System.Net.Http.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Missing;
using Support.Contracts.Outreach;
using Support.Contracts.Risk;
using Support.Referrals.Domain;
using Support.Referrals.Features.RiskReviews;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>
/// REF-16 over the real broker: an outreach concern opens one risk review however often it is delivered, and every
/// review that opens is announced once; missing episodes are counted once each for the rule table.
/// </summary>
[Collection(RealBusCollection.Name)]
public sealed class OutreachConcernTriggerTests() : RealBusReferralsTests("referrals-concerns")
{
    private static OutreachConcernRaised Concern(Guid youngPersonId, params RiskIndicator[] indicators) => new()
    {
        ConcernId = Guid.NewGuid(), YoungPersonId = youngPersonId, Indicators = indicators, RaisedBy = "ow-7", OccurredAt = DateTimeOffset.UtcNow,
    };

    private async Task<List<RiskReviewResponse>> ReviewsAsync(Guid youngPersonId)
    {
        using var client = Host.ClientFor(Roles.SocialWorker);
        return (await client.GetFromJsonAsync<List<RiskReviewResponse>>($"/api/referrals/risk-reviews?youngPersonId={youngPersonId}", YoungPersonRequests.Json))!;
    }

    private Task<List<RiskReviewResponse>> WaitForReviewsAsync(Guid youngPersonId) =>
        Eventually.GetAsync(async () => await ReviewsAsync(youngPersonId) is { Count: > 0 } list ? list : null, because: "a risk review to open");

    private async Task<List<T>> OutboxAsync<T>(Func<T, bool> where) where T : class
    {
        await using var db = CreateDbContext();
        return await db.OutboxAsync(where);
    }

    [Fact]
    public async Task An_outreach_concern_opens_one_review_and_announces_it_once_even_when_delivered_twice_or_sent_again()
    {
        var person = Guid.NewGuid();
        var concern = Concern(person, RiskIndicator.OlderBoyfriend, RiskIndicator.MultipleMobilePhones);
        var messageId = Guid.NewGuid();

        var sentAgain = Guid.NewGuid();

        await Bus.PublishAsync(concern, messageId);
        await Bus.PublishAsync(concern, messageId);          // redelivery: the inbox absorbs it
        await Bus.PublishAsync(concern, sentAgain);          // the same concern as a new message: the trigger key absorbs it
        await WaitForReviewsAsync(person);
        await Consumed.WaitForAsync("referrals-outreach-concern-raised", messageId, deliveries: 2);
        await Consumed.WaitForAsync("referrals-outreach-concern-raised", sentAgain);

        var review = Assert.Single(await ReviewsAsync(person));
        Assert.Equal(RiskReviewTrigger.OutreachConcern, review.Trigger);
        Assert.Equal($"outreach-concern:{concern.ConcernId}", review.TriggerReference);
        Assert.Equal([RiskIndicator.MultipleMobilePhones, RiskIndicator.OlderBoyfriend], review.Indicators);
        var opened = Assert.Single(await OutboxAsync<RiskReviewOpened>(m => m.YoungPersonId == person));
        Assert.Equal((review.Id, "OutreachConcern"), (opened.ReviewId, opened.Trigger));
        // The database keeps microseconds; the event carries the instant as computed.
        Assert.Equal(review.DueAt.Utc, opened.DueAt, TimeSpan.FromMicroseconds(1));
    }

    [Fact]
    public async Task A_concern_reporting_threats_opens_an_urgent_review_due_in_1_working_day()
    {
        var person = Guid.NewGuid();

        await Bus.PublishAsync(Concern(person, RiskIndicator.ThreatsReceived), Guid.NewGuid());

        Assert.True(Assert.Single(await WaitForReviewsAsync(person)).Urgent);
    }

    [Fact]
    public async Task Reviews_opened_by_return_interviews_are_announced_too()
    {
        var person = Guid.NewGuid();
        var interview = new ReturnInterviewCompleted
        {
            InterviewId = Guid.NewGuid(), EpisodeId = Guid.NewGuid(), YoungPersonId = person, CompletedAt = DateTimeOffset.UtcNow,
            Indicators = [RiskIndicator.PickedUpByTaxi], DisclosureMade = false, Locations = [], SharingBasis = "SafeguardingOverride",
            OccurredAt = DateTimeOffset.UtcNow,
        };

        await Bus.PublishAsync(interview, Guid.NewGuid());

        var review = Assert.Single(await WaitForReviewsAsync(person));
        Assert.Equal("ReturnInterviewCompleted", Assert.Single(await OutboxAsync<RiskReviewOpened>(m => m.ReviewId == review.Id)).Trigger);
    }

    [Fact]
    public async Task A_missing_episode_is_counted_once_however_often_it_is_delivered()
    {
        var person = Guid.NewGuid();
        var reported = new MissingEpisodeReported
        {
            EpisodeId = Guid.NewGuid(), YoungPersonId = person, MissingFrom = MissingFrom.Home, LastSeenAt = DateTimeOffset.UtcNow.AddHours(-3),
            ReportedAt = DateTimeOffset.UtcNow, OccurredAt = DateTimeOffset.UtcNow,
        };

        Guid[] messageIds = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

        await Bus.PublishAsync(reported, messageIds[0]);
        await Bus.PublishAsync(reported, messageIds[1]);
        await Bus.PublishAsync(reported with { EpisodeId = Guid.NewGuid() }, messageIds[2]);

        await using var db = CreateDbContext();
        foreach (var messageId in messageIds)
        {
            await Consumed.WaitForAsync("referrals-missing-episode-reported", messageId);
        }
        Assert.Equal(2, await db.MissingEpisodesSeen.CountAsync(m => m.YoungPersonId == person));
        Assert.Equal(1, await db.MissingEpisodesSeen.CountAsync(m => m.EpisodeId == reported.EpisodeId));
    }
}
