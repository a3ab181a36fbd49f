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

/// <summary>THR-05: an accepted referral opens an episode of therapy; the chronology shows who accepted it and when (codes only).</summary>
[InboxName("chronology.therapy-referral-accepted")]
public sealed class TherapyReferralAcceptedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<TherapyReferralAcceptedChronologyConsumer> logger)
    : ChronologyConsumer<TherapyReferralAccepted>(db, clock, logger)
{
    private const string TherapyService = "therapy";

    protected override IEnumerable<ChronologyDraft> Project(TherapyReferralAccepted m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, TherapyService, ChronologyEntryKind.TherapyReferralAccepted,
            $"{m.OfferType} referral {m.ReferralId} accepted: episode of therapy open.",
            new ChronologyAuthor(m.AcceptedBy, null), m.ReferralId),
    ];
}

/// <summary>THR-05: an episode's end, its reason and onward arrangement, and any unmet need it left (codes only).</summary>
[InboxName("chronology.therapy-episode-closed")]
public sealed class TherapyEpisodeClosedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<TherapyEpisodeClosedChronologyConsumer> logger)
    : ChronologyConsumer<TherapyEpisodeClosed>(db, clock, logger)
{
    private const string TherapyService = "therapy";

    protected override IEnumerable<ChronologyDraft> Project(TherapyEpisodeClosed m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, TherapyService, ChronologyEntryKind.TherapyEpisodeClosed,
            $"{m.OfferType} episode {m.ReferralId} closed ({m.Reason}); onward arrangement: {m.OnwardArrangement}"
            + (m.UnmetNeedId is { } unmet ? $"; unmet need {unmet} recorded." : "."),
            new ChronologyAuthor(m.ClosedBy, null), m.ReferralId),
    ];
}

public sealed class TherapyReferralAcceptedChronologyConsumerDefinition : ChronologyEndpointDefinition<TherapyReferralAcceptedChronologyConsumer>;
public sealed class TherapyEpisodeClosedChronologyConsumerDefinition : ChronologyEndpointDefinition<TherapyEpisodeClosedChronologyConsumer>;
public sealed class TherapyReferralDeclinedChronologyConsumerDefinition : ChronologyEndpointDefinition<TherapyReferralDeclinedChronologyConsumer>;
public sealed class HealthIndicatorRecordedChronologyConsumerDefinition : ChronologyEndpointDefinition<HealthIndicatorRecordedChronologyConsumer>;
