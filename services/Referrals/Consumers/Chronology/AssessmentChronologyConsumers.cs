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

/// <summary>REF-17: a missed assessment deadline is on the child's record.</summary>
[InboxName("chronology.assessment-overdue")]
public sealed class AssessmentOverdueChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<AssessmentOverdueChronologyConsumer> logger)
    : ChronologyConsumer<AssessmentOverdue>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(AssessmentOverdue m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.AssessmentOverdue,
            $"Missed deadline: {m.Kind} assessment {m.AssessmentId} was not completed by {At(m.DueAt)}.",
            ChronologyAuthor.Service(ReferralsService), m.AssessmentId),
    ];
}

/// <summary>REF-17: a need the assessment stated whose referral task slipped is on the child's record.</summary>
[InboxName("chronology.assessment-need-task-overdue")]
public sealed class AssessmentNeedTaskOverdueChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<AssessmentNeedTaskOverdueChronologyConsumer> logger)
    : ChronologyConsumer<AssessmentNeedTaskOverdue>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(AssessmentNeedTaskOverdue m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.AssessmentNeedTaskOverdue,
            $"Missed deadline: the referral task {m.TaskId} from assessment {m.AssessmentId} was not done by {At(m.DueAt)}"
            + (m.AssignedTo is { } worker ? $" (key worker {worker})." : " (no key worker: on the managers' list)."),
            ChronologyAuthor.Service(ReferralsService), m.TaskId),
    ];
}

public sealed class AssessmentOpenedChronologyConsumerDefinition : ChronologyEndpointDefinition<AssessmentOpenedChronologyConsumer>;
public sealed class AssessmentCompletedChronologyConsumerDefinition : ChronologyEndpointDefinition<AssessmentCompletedChronologyConsumer>;
public sealed class AssessmentOverdueChronologyConsumerDefinition : ChronologyEndpointDefinition<AssessmentOverdueChronologyConsumer>;
public sealed class AssessmentNeedTaskOverdueChronologyConsumerDefinition : ChronologyEndpointDefinition<AssessmentNeedTaskOverdueChronologyConsumer>;
