using MassTransit;
using Support.Contracts.Therapy;
using Support.Messaging.Inbox;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain;

namespace Support.Referrals.Consumers;

/// <summary>
/// THR-01, REF-16: a declined therapy or CAMHS referral means the young person's need is going unmet, so their risk is
/// reviewed, once per declined referral however often the decline is delivered. The review carries the CSE indicators
/// the referral carried.
/// </summary>
[InboxName("risk-reviews.open-on-therapy-referral-declined")]
public sealed class TherapyReferralDeclinedConsumer(ReferralsDbContext db, IOutbox outbox, TimeProvider clock, ILogger<TherapyReferralDeclinedConsumer> logger)
    : IdempotentConsumer<TherapyReferralDeclined, ReferralsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ConsumeContext<TherapyReferralDeclined> context)
    {
        var message = context.Message;
        return RiskReviewOpening.OpenOnceAsync(Db, outbox, Clock, message.YoungPersonId, RiskReviewTrigger.TherapyReferralDeclined,
            $"therapy-referral-declined:{message.ReferralId}", message.OccurredAt, message.Indicators, disclosureMade: false, context.CancellationToken);
    }
}

/// <summary>
/// THR-08, REF-16: health indicators (pregnancy, STI, self-harm admission, overdose...) recorded by health partners
/// feed risk review, once per indicator. The age at the event decides the under-13 rules (REF-14).
/// </summary>
[InboxName("risk-reviews.open-on-health-indicator-recorded")]
public sealed class HealthIndicatorRecordedConsumer(ReferralsDbContext db, IOutbox outbox, TimeProvider clock, ILogger<HealthIndicatorRecordedConsumer> logger)
    : IdempotentConsumer<HealthIndicatorRecorded, ReferralsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ConsumeContext<HealthIndicatorRecorded> context)
    {
        var message = context.Message;
        return RiskReviewOpening.OpenOnceAsync(Db, outbox, Clock, message.YoungPersonId, RiskReviewTrigger.HealthIndicator,
            $"health-indicator:{message.HealthIndicatorId}", message.OccurredAt, message.RiskIndicators, disclosureMade: false, context.CancellationToken);
    }
}
