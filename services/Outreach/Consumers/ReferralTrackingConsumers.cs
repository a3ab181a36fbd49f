using MassTransit;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Referrals;
using Support.Messaging.Inbox;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.ServiceDefaults.Time;

namespace Support.Outreach.Consumers;

// OUT-04: referrals made by outreach workers are tracked to their outcome, and the worker is told of every decision
// and reclassification (with its rationale). Referrals from anyone else are not kept here.

[InboxName("referrals.track-received")]
public sealed class TrackReferralReceivedConsumer(OutreachDbContext db, TimeProvider clock, ILogger<TrackReferralReceivedConsumer> logger)
    : IdempotentConsumer<ReferralReceived, OutreachDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<ReferralReceived> context)
    {
        var m = context.Message;
        if (m.ReferrerRole != ReferrerRole.OutreachWorker)
        {
            return;
        }
        var referral = await ReferralTracking.FindOrStartAsync(Db, m.ReferralId, m.YoungPersonId, m.OccurredAt, context.CancellationToken);
        referral.Received(m);
        ReferralTracking.NotifyDecisionIfDue(Db, referral, Clock.GetUtcNow());
    }
}

[InboxName("referrals.track-decided")]
public sealed class TrackReferralDecidedConsumer(OutreachDbContext db, TimeProvider clock, ILogger<TrackReferralDecidedConsumer> logger)
    : IdempotentConsumer<ReferralDecided, OutreachDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<ReferralDecided> context)
    {
        var m = context.Message;
        // The decision names no referrer: keep it for a referral we track, or one whose receipt has not arrived yet.
        var referral = await ReferralTracking.FindOrStartAsync(Db, m.ReferralId, m.YoungPersonId, m.OccurredAt, context.CancellationToken);
        referral.Decided(m);
        ReferralTracking.NotifyDecisionIfDue(Db, referral, Clock.GetUtcNow());
    }
}

[InboxName("referrals.track-reclassified")]
public sealed class TrackReferralReclassifiedConsumer(OutreachDbContext db, TimeProvider clock, ILogger<TrackReferralReclassifiedConsumer> logger)
    : IdempotentConsumer<ReferralReclassified, OutreachDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<ReferralReclassified> context)
    {
        var m = context.Message;
        if (m.OriginalReferrerRole != ReferrerRole.OutreachWorker)
        {
            return;
        }
        var referral = await ReferralTracking.FindOrStartAsync(Db, m.ReferralId, m.YoungPersonId, m.OccurredAt, context.CancellationToken);
        referral.Reclassified(m);
        Db.Add(ReferralNotification.Create(m.OriginalReferrer, referral, ReferralNotificationKind.Reclassified,
            $"Referral reclassified on {London.Describe(m.OccurredAt)}: {m.FromCseType} to {m.ToCseType}, priority {m.FromPriority} to {m.ToPriority}; "
            + $"requested by {m.RequestedBy}, approved by {m.ApprovedBy}.",
            m.Rationale, m.OccurredAt, Clock.GetUtcNow()));
        ReferralTracking.NotifyDecisionIfDue(Db, referral, Clock.GetUtcNow());
    }
}

internal static class ReferralTracking
{
    public static async Task<TrackedReferral> FindOrStartAsync(OutreachDbContext db, Guid referralId, Guid youngPersonId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (await db.TrackedReferrals.SingleOrDefaultAsync(r => r.ReferralId == referralId, cancellationToken) is { } found)
        {
            return found;
        }
        var started = TrackedReferral.Start(referralId, youngPersonId, at);
        db.TrackedReferrals.Add(started);
        return started;
    }

    public static void NotifyDecisionIfDue(OutreachDbContext db, TrackedReferral referral, DateTimeOffset now)
    {
        if (referral.TakeDecisionToNotify())
        {
            db.Add(ReferralNotification.Create(referral.Referrer!, referral, ReferralNotificationKind.Decided,
                $"Referral decided on {London.Describe(referral.DecidedAt!.Value)}: {referral.Outcome}{(referral.DecidedLate ? ", after its deadline" : "")}.",
                rationale: null, referral.DecidedAt!.Value, now));
        }
    }
}
