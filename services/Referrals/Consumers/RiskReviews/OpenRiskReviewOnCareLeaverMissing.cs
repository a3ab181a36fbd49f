using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Contracts.Missing;
using Support.Contracts.Risk;
using Support.Messaging.Inbox;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Consumers.RiskReviews;

/// <summary>LC-04 parameters (configuration section <c>CareLeaverMissing</c>).</summary>
public sealed class CareLeaverMissingOptions
{
    public const string Section = "CareLeaverMissing";

    /// <summary>LC-04: "a risk review is due within 24 hours (parameter)" of a care leaver being reported missing; elapsed hours.</summary>
    public int RiskReviewWithinHours { get; set; } = 24;

    public bool IsValid() => RiskReviewWithinHours is >= 1 and <= 24 * 7;
}

/// <summary>
/// LC-04 (Casey-K18: "Leaving care services do not follow through"): a care leaver reported missing from their
/// leaving-care accommodation (by their adviser's "whereabouts unknown" or by anyone) makes a risk review due within
/// <see cref="CareLeaverMissingOptions.RiskReviewWithinHours"/> elapsed hours of the report, or sooner if the usual
/// working-day deadline comes first. One review per episode, however often the report is delivered.
/// </summary>
[InboxName("risk-reviews.open-on-care-leaver-missing")]
public sealed class OpenRiskReviewOnCareLeaverMissing(
    ReferralsDbContext db, IOutbox outbox, TimeProvider clock, ILogger<OpenRiskReviewOnCareLeaverMissing> logger, IOptions<CareLeaverMissingOptions> options)
    : IdempotentConsumer<MissingEpisodeReported, ReferralsDbContext>(db, clock, logger)
{
    public const string SystemAuthor = "system:risk-review-trigger";

    protected override async Task HandleAsync(ConsumeContext<MissingEpisodeReported> context)
    {
        var message = context.Message;
        if (message.MissingFrom != MissingFrom.LeavingCareAccommodation)
        {
            return;
        }
        var reference = $"care-leaver-missing:{message.EpisodeId}";
        if (await Db.RiskReviews.AnyAsync(r => r.Trigger == RiskReviewTrigger.CareLeaverMissing && r.TriggerReference == reference, context.CancellationToken))
        {
            return;
        }
        var now = Clock.GetUtcNow();
        // The clock runs from the report; another service's clock a little ahead of ours is read as now.
        var reportedAt = message.ReportedAt > now ? now : message.ReportedAt;
        var review = RiskReview.Open(message.YoungPersonId, RiskReviewTrigger.CareLeaverMissing, reference, reportedAt,
            [RiskIndicator.MissingFromHome], disclosureMade: false, ageAtTrigger: null, Author.Service(SystemAuthor, now),
            dueWithin: TimeSpan.FromHours(options.Value.RiskReviewWithinHours));
        Db.RiskReviews.Add(review);
        outbox.Add(new RiskReviewOpened
        {
            ReviewId = review.Id,
            YoungPersonId = review.YoungPersonId,
            Trigger = review.Trigger.ToString(),
            DueAt = review.DueAt,
            OccurredAt = review.RecordedAt,
        });
    }
}
