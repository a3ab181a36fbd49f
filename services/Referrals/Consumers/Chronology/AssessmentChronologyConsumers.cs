using Support.Contracts.Referrals;
using Support.Messaging.Inbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Chronology;
using static Support.Referrals.Consumers.Chronology.ChronologyText;

namespace Support.Referrals.Consumers.Chronology;

// REF-17, REC-04: the child's record shows when an assessment was opened, by what, with its deadline, and when and by
// whom it was signed and signed off. Counts and codes only: what the assessment says stays in the assessment.

[InboxName("chronology.assessment-opened")]
public sealed class AssessmentOpenedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<AssessmentOpenedChronologyConsumer> logger)
    : ChronologyConsumer<AssessmentOpened>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(AssessmentOpened m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.AssessmentOpened,
            $"{m.Kind} assessment {m.AssessmentId} opened{(m.PathwayId is { } pathway ? $" by the s47 enquiry on pathway {pathway}" : "")}; "
            + $"due by {At(m.DueAt)}; {m.Invited} involved worker(s) invited to contribute.",
            new ChronologyAuthor(m.RecordedBy, m.RecordedByRole), m.AssessmentId),
    ];
}

[InboxName("chronology.assessment-completed")]
public sealed class AssessmentCompletedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<AssessmentCompletedChronologyConsumer> logger)
    : ChronologyConsumer<AssessmentCompleted>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(AssessmentCompleted m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.AssessmentCompleted,
            $"{m.Kind} assessment {m.AssessmentId} signed by {m.SignedBy} and signed off by {m.SignedOffBy}{(m.Late ? ", after its deadline" : "")}; "
            + $"{m.NeedTasks} need(s) became referral tasks, {m.UnmetNeeds} recorded as unmet"
            + (m.NextDueOn is { } next ? $"; next assessment due {next:yyyy-MM-dd}." : "."),
            new ChronologyAuthor(m.SignedOffBy, m.SignedOffByRole), m.AssessmentId),
    ];
}

public sealed class AssessmentOpenedChronologyConsumerDefinition : ChronologyEndpointDefinition<AssessmentOpenedChronologyConsumer>;
public sealed class AssessmentCompletedChronologyConsumerDefinition : ChronologyEndpointDefinition<AssessmentCompletedChronologyConsumer>;
