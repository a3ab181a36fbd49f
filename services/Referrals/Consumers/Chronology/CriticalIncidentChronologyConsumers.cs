using Support.Contracts.Incidents;
using Support.Messaging.Inbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Chronology;
using static Support.Referrals.Consumers.Chronology.ChronologyText;

namespace Support.Referrals.Consumers.Chronology;

// REF-22, REC-03: a critical incident, its acknowledgement and a missed acknowledgement are part of the child's story.

[InboxName("chronology.critical-incident-raised")]
public sealed class CriticalIncidentRaisedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<CriticalIncidentRaisedChronologyConsumer> logger)
    : ChronologyConsumer<CriticalIncidentRaised>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(CriticalIncidentRaised m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, m.SourceService, ChronologyEntryKind.CriticalIncidentRaised,
            $"Critical incident {m.IncidentId} ({m.Kind}) of {At(m.IncidentAt)} raised to senior managers from {m.SourceReference}.",
            ChronologyAuthor.Service(m.SourceService), m.IncidentId),
    ];
}

[InboxName("chronology.critical-incident-acknowledged")]
public sealed class CriticalIncidentAcknowledgedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<CriticalIncidentAcknowledgedChronologyConsumer> logger)
    : ChronologyConsumer<CriticalIncidentAcknowledged>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(CriticalIncidentAcknowledged m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.CriticalIncidentAcknowledged,
            $"Critical incident {m.IncidentId} ({m.Kind}) acknowledged by a senior manager{(m.Late ? ", after its deadline" : "")}.",
            ChronologyAuthor.Service(ReferralsService), m.IncidentId),
    ];
}

[InboxName("chronology.critical-incident-acknowledgement-overdue")]
public sealed class CriticalIncidentAcknowledgementOverdueChronologyConsumer(
    ReferralsDbContext db, TimeProvider clock, ILogger<CriticalIncidentAcknowledgementOverdueChronologyConsumer> logger)
    : ChronologyConsumer<CriticalIncidentAcknowledgementOverdue>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(CriticalIncidentAcknowledgementOverdue m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.CriticalIncidentAcknowledgementOverdue,
            $"Critical incident {m.IncidentId} ({m.Kind}) not acknowledged by {At(m.AcknowledgeBy)}: escalated.",
            ChronologyAuthor.Service(ReferralsService), m.IncidentId),
    ];
}

public sealed class CriticalIncidentRaisedChronologyConsumerDefinition : ChronologyEndpointDefinition<CriticalIncidentRaisedChronologyConsumer>;
public sealed class CriticalIncidentAcknowledgedChronologyConsumerDefinition : ChronologyEndpointDefinition<CriticalIncidentAcknowledgedChronologyConsumer>;
public sealed class CriticalIncidentAcknowledgementOverdueChronologyConsumerDefinition : ChronologyEndpointDefinition<CriticalIncidentAcknowledgementOverdueChronologyConsumer>;
