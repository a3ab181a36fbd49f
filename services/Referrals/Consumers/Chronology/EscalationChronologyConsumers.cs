using Support.Contracts.Escalations;
using Support.Messaging.Inbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Chronology;
using static Support.Referrals.Consumers.Chronology.ChronologyText;

namespace Support.Referrals.Consumers.Chronology;

// REF-21, REC-11, REC-03: an escalation, its answer, a missed answer and a refusal to share are part of the child's
// story. Codes and ids only: the concern, the response and the reason stay in their own records.

[InboxName("chronology.professional-escalation-lodged")]
public sealed class ProfessionalEscalationLodgedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<ProfessionalEscalationLodgedChronologyConsumer> logger)
    : ChronologyConsumer<ProfessionalEscalationLodged>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(ProfessionalEscalationLodged m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.ProfessionalEscalationLodged,
            $"Escalation {m.EscalationId} lodged against a {m.DecisionKind} decision; a {m.ReviewerRole} or above answers by {At(m.RespondBy)}.",
            new ChronologyAuthor(m.RecordedBy, m.RecordedByRole), m.EscalationId),
    ];
}

[InboxName("chronology.professional-escalation-answered")]
public sealed class ProfessionalEscalationAnsweredChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<ProfessionalEscalationAnsweredChronologyConsumer> logger)
    : ChronologyConsumer<ProfessionalEscalationAnswered>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(ProfessionalEscalationAnswered m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.ProfessionalEscalationAnswered,
            $"Escalation {m.EscalationId} answered: {m.Outcome}{(m.Late ? ", after its deadline" : "")}.",
            new ChronologyAuthor(m.RecordedBy, m.RecordedByRole), m.EscalationId),
    ];
}

[InboxName("chronology.professional-escalation-response-overdue")]
public sealed class ProfessionalEscalationResponseOverdueChronologyConsumer(
    ReferralsDbContext db, TimeProvider clock, ILogger<ProfessionalEscalationResponseOverdueChronologyConsumer> logger)
    : ChronologyConsumer<ProfessionalEscalationResponseOverdue>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(ProfessionalEscalationResponseOverdue m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.ProfessionalEscalationResponseOverdue,
            $"Escalation {m.EscalationId} not answered by {At(m.RespondBy)}: still open.",
            ChronologyAuthor.Service(ReferralsService), m.EscalationId),
    ];
}

[InboxName("chronology.information-share-refused")]
public sealed class InformationShareRefusedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<InformationShareRefusedChronologyConsumer> logger)
    : ChronologyConsumer<InformationShareRefused>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(InformationShareRefused m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.InformationShareRefused,
            $"A request from {m.RequestedBy} to share information was refused, with a recorded reason (share refusal {m.RefusalId}).",
            new ChronologyAuthor(m.RecordedBy, m.RecordedByRole), m.RefusalId),
    ];
}

public sealed class ProfessionalEscalationLodgedChronologyConsumerDefinition : ChronologyEndpointDefinition<ProfessionalEscalationLodgedChronologyConsumer>;
public sealed class ProfessionalEscalationAnsweredChronologyConsumerDefinition : ChronologyEndpointDefinition<ProfessionalEscalationAnsweredChronologyConsumer>;
public sealed class ProfessionalEscalationResponseOverdueChronologyConsumerDefinition : ChronologyEndpointDefinition<ProfessionalEscalationResponseOverdueChronologyConsumer>;
public sealed class InformationShareRefusedChronologyConsumerDefinition : ChronologyEndpointDefinition<InformationShareRefusedChronologyConsumer>;
