using Support.Contracts.Placements;
using Support.Messaging.Inbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Chronology;
using static Support.Referrals.Consumers.Chronology.ChronologyText;

namespace Support.Referrals.Consumers.Chronology;

/// <summary>REF-26: each move of a looked-after child is on their chronology, with why and until when.</summary>
[InboxName("chronology.placement-started")]
public sealed class PlacementStartedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<PlacementStartedChronologyConsumer> logger)
    : ChronologyConsumer<PlacementStarted>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(PlacementStarted m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.PlacementStarted,
            $"Placed in {m.Type} at {m.Setting} from {Date(m.StartedOn)} (reason {m.Reason})"
            + (m.ReviewBy is { } review ? $", to be reviewed by {Date(review)}" : "")
            + (m.MatchingAssessmentId is { } matching ? $"; admitted under approved matching assessment {matching}" : "")
            + (m.PreviousPlacementId is { } previous ? $"; placement {previous} ended." : "."),
            new ChronologyAuthor(m.RecordedBy, null), m.PlacementId),
    ];
}

[InboxName("chronology.placement-ended")]
public sealed class PlacementEndedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<PlacementEndedChronologyConsumer> logger)
    : ChronologyConsumer<PlacementEnded>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(PlacementEnded m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.PlacementEnded,
            $"Placement {m.PlacementId} ended on {Date(m.EndedOn)} (reason {m.Reason}).",
            new ChronologyAuthor(m.RecordedBy, null), m.PlacementId),
    ];
}

/// <summary>REF-26: the record says when the young person was recorded as a risk to other children; the description stays on the flag.</summary>
[InboxName("chronology.risk-to-others-recorded")]
public sealed class RiskToOthersRecordedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<RiskToOthersRecordedChronologyConsumer> logger)
    : ChronologyConsumer<RiskToOthersRecorded>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(RiskToOthersRecorded m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.RiskToOthersRecorded,
            $"Recorded as a risk to other children (flag {m.FlagId}): admissions where they live are matched against it.",
            new ChronologyAuthor(m.RecordedBy, null), m.FlagId),
    ];
}
