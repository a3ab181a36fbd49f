using Support.Contracts.Therapy;
using Support.Messaging.Inbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Chronology;
using static Support.Referrals.Consumers.Chronology.ChronologyText;

namespace Support.Referrals.Consumers.Chronology;

[InboxName("chronology.therapy-referral-declined")]
public sealed class TherapyReferralDeclinedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<TherapyReferralDeclinedChronologyConsumer> logger)
    : ChronologyConsumer<TherapyReferralDeclined>(db, clock, logger)
{
    private const string TherapyService = "therapy";

    protected override IEnumerable<ChronologyDraft> Project(TherapyReferralDeclined m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, TherapyService, ChronologyEntryKind.TherapyReferralDeclined,
            $"{m.OfferType} referral {m.ReferralId} declined ({m.Reason}); CSE history considered: {YesNo(m.CseHistoryConsidered)}; "
            + $"unmet need {m.UnmetNeedId} recorded.",
            new ChronologyAuthor(m.DecidedBy, null), m.ReferralId),
    ];
}

[InboxName("chronology.health-indicator-recorded")]
public sealed class HealthIndicatorRecordedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<HealthIndicatorRecordedChronologyConsumer> logger)
    : ChronologyConsumer<HealthIndicatorRecorded>(db, clock, logger)
{
    private const string TherapyService = "therapy";

    protected override IEnumerable<ChronologyDraft> Project(HealthIndicatorRecorded m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, TherapyService, ChronologyEntryKind.HealthIndicatorRecorded,
            $"Health indicator {m.HealthIndicatorId} recorded: {m.Type} (shared on {m.SharingBasis}).",
            new ChronologyAuthor(m.RecordedBy, null), m.HealthIndicatorId),
    ];
}

public sealed class TherapyReferralDeclinedChronologyConsumerDefinition : ChronologyEndpointDefinition<TherapyReferralDeclinedChronologyConsumer>;
public sealed class HealthIndicatorRecordedChronologyConsumerDefinition : ChronologyEndpointDefinition<HealthIndicatorRecordedChronologyConsumer>;
