using MassTransit;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Missing;
using Support.Contracts.Outreach;
using Support.Contracts.Risk;
using Support.Messaging.Inbox;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.Referrals.Domain.Risk;
using Support.Referrals.Features.RiskAssessments;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Consumers;

/// <summary>
/// REF-16, MIS-03: a return-home interview that found any indicator or disclosure opens a risk review. The inbox
/// absorbs a redelivery of the same message; the (trigger, reference) check absorbs the same finding sent again as a
/// new message, and its unique index turns a concurrent twin into a retry that then finds the first review.
/// </summary>
[InboxName("risk-reviews.open-on-return-interview-completed")]
public sealed class ReturnInterviewCompletedConsumer(ReferralsDbContext db, IOutbox outbox, TimeProvider clock, ILogger<ReturnInterviewCompletedConsumer> logger)
    : IdempotentConsumer<ReturnInterviewCompleted, ReferralsDbContext>(db, clock, logger)
{
    /// <summary>Recorded as the author of legal flags a return interview's findings raise (REC-01: who wrote it).</summary>
    public const string FlagRecorder = "missing-service";

    protected override async Task HandleAsync(ConsumeContext<ReturnInterviewCompleted> context)
    {
        var message = context.Message;
        if (message.Indicators.Count == 0 && !message.DisclosureMade)
        {
            return;
        }
        await RaiseLegalFlagsAsync(message, context.CancellationToken);
        await RiskReviewOpening.OpenOnceAsync(Db, outbox, Clock, message.YoungPersonId, RiskReviewTrigger.ReturnInterviewCompleted,
            $"return-interview:{message.InterviewId}", message.CompletedAt, message.Indicators, message.DisclosureMade, context.CancellationToken);
    }

    /// <summary>
    /// REF-07: a legal flag is the child's whichever record shows the trigger, a return interview's findings included
    /// (pregnancy, a termination, an STI or a sexual-health service, for a child under 16 on the day of the interview),
    /// with the manager's safeguarding-decision task. Once per interview: the flags name it as their source.
    /// </summary>
    private async Task RaiseLegalFlagsAsync(ReturnInterviewCompleted message, CancellationToken cancellationToken)
    {
        var bornOn = await Db.DateOfBirthOfAsync(message.YoungPersonId, cancellationToken);
        if (bornOn is not { } born || await Db.LegalFlags.AnyAsync(f => f.SourceId == message.InterviewId, cancellationToken))
        {
            return;
        }
        var on = London.DateOf(message.CompletedAt);
        var age = YoungPerson.AgeOn(born, on);
        var flags = RiskRuleTable.Evaluate(new RiskFacts(message.Indicators, age, SexualActivity: false, message.DisclosureMade)).LegalFlags;
        LegalFlagRaising.Raise(Db, outbox, message.YoungPersonId, flags, message.InterviewId, on, age, Author.Service(FlagRecorder, Clock.GetUtcNow()));
    }
}

/// <summary>Part I <c>RepeatMissingThreshold</c>: repeat missing episodes open a risk review (MIS-04, REF-16).</summary>
[InboxName("risk-reviews.open-on-repeat-missing-detected")]
public sealed class RepeatMissingDetectedConsumer(ReferralsDbContext db, IOutbox outbox, TimeProvider clock, ILogger<RepeatMissingDetectedConsumer> logger)
    : IdempotentConsumer<RepeatMissingDetected, ReferralsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ConsumeContext<RepeatMissingDetected> context)
    {
        var message = context.Message;
        var reference = "repeat-missing:" + string.Join(',', message.EpisodeIds.Order());
        return RiskReviewOpening.OpenOnceAsync(Db, outbox, Clock, message.YoungPersonId, RiskReviewTrigger.RepeatMissing, reference,
            message.OccurredAt, [RiskIndicator.MissingFromHome], disclosureMade: false, context.CancellationToken);
    }
}

/// <summary>REF-16: an outreach worker's CSE concern opens a risk review, once per concern however often it is delivered.</summary>
[InboxName("risk-reviews.outreach-concern-raised")]
public sealed class OutreachConcernRaisedConsumer(ReferralsDbContext db, IOutbox outbox, TimeProvider clock, ILogger<OutreachConcernRaisedConsumer> logger)
    : IdempotentConsumer<OutreachConcernRaised, ReferralsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ConsumeContext<OutreachConcernRaised> context)
    {
        var message = context.Message;
        return RiskReviewOpening.OpenOnceAsync(Db, outbox, Clock, message.YoungPersonId, RiskReviewTrigger.OutreachConcern,
            $"outreach-concern:{message.ConcernId}", message.OccurredAt, message.Indicators, disclosureMade: false, context.CancellationToken);
    }
}

/// <summary>
/// Keeps the count of missing episodes an assessment's rule R6 reads (Part I <c>RepeatMissingThreshold</c>): one row
/// per episode, however often it is delivered.
/// </summary>
[InboxName("risk-reviews.missing-episode-reported")]
public sealed class MissingEpisodeReportedConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<MissingEpisodeReportedConsumer> logger)
    : IdempotentConsumer<MissingEpisodeReported, ReferralsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<MissingEpisodeReported> context)
    {
        var message = context.Message;
        if (await Db.MissingEpisodesSeen.AnyAsync(m => m.EpisodeId == message.EpisodeId, context.CancellationToken))
        {
            return;
        }
        Db.MissingEpisodesSeen.Add(MissingEpisodeSeen.From(message.EpisodeId, message.YoungPersonId, message.LastSeenAt, message.ReportedAt));
    }
}

internal static class RiskReviewOpening
{
    /// <summary>The author of automatically opened reviews: the platform itself, on behalf of the triggering service.</summary>
    public const string SystemAuthor = "system:risk-review-trigger";

    public static async Task OpenOnceAsync(
        ReferralsDbContext db, IOutbox outbox, TimeProvider clock, Guid youngPersonId, RiskReviewTrigger trigger, string reference,
        DateTimeOffset triggeredAt, IReadOnlyCollection<RiskIndicator> indicators, bool disclosureMade, CancellationToken cancellationToken)
    {
        if (await db.RiskReviews.AnyAsync(r => r.Trigger == trigger && r.TriggerReference == reference, cancellationToken))
        {
            return;
        }
        // Age on the date of the event decides the under-13 rules (REF-08); unknown if the person is not registered here.
        var dateOfBirth = await db.DateOfBirthOfAsync(youngPersonId, cancellationToken);
        int? age = dateOfBirth is { } born
            ? YoungPerson.AgeOn(born, London.DateOf(triggeredAt))
            : null;
        var review = RiskReview.Open(youngPersonId, trigger, reference, triggeredAt, indicators, disclosureMade, age,
            Author.Service(SystemAuthor, clock.GetUtcNow()));
        db.RiskReviews.Add(review);
        outbox.Add(Opened(review));
    }

    /// <summary>REF-16: every review that opens, automatically or by hand, is announced.</summary>
    public static RiskReviewOpened Opened(RiskReview review) => new()
    {
        ReviewId = review.Id,
        YoungPersonId = review.YoungPersonId,
        Trigger = review.Trigger.ToString(),
        DueAt = review.DueAt,
        OccurredAt = review.RecordedAt,
    };
}
