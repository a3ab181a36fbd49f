using MassTransit;

namespace Support.Contracts.Referrals;

/// <summary>What opened an assessment (REF-17).</summary>
public enum AssessmentKind
{
    /// <summary>Opened by an s47 pathway reaching <c>EnquiriesCommenced</c>: "a core assessment should begin at the same time as a s47 enquiry is initiated".</summary>
    S47Core,
    /// <summary>The yearly re-assessment of a looked-after child ("updated on at least an annual basis").</summary>
    LookedAfterRenewal,
    /// <summary>Any other assessment a social worker opens by hand.</summary>
    Single,
}

/// <summary>REF-17: an assessment of a young person was opened, by an s47 enquiry or by hand, with its deadline.</summary>
[MessageUrn("support:referrals:assessment-opened:v1")]
public sealed record AssessmentOpened
{
    public required Guid AssessmentId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required AssessmentKind Kind { get; init; }
    public Guid? PathwayId { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    /// <summary>How many involved workers were invited to contribute when it opened.</summary>
    public required int Invited { get; init; }
    public required string RecordedBy { get; init; }
    public required string RecordedByRole { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>
/// REF-17: an assessment was signed by its author and signed off by a manager. Counts and dates only: the child's
/// account, the analysis and the needs stay in Referrals.
/// </summary>
[MessageUrn("support:referrals:assessment-completed:v1")]
public sealed record AssessmentCompleted
{
    public required Guid AssessmentId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required AssessmentKind Kind { get; init; }
    /// <summary>Completed after its deadline (it is still completed, never refused).</summary>
    public required bool Late { get; init; }
    /// <summary>Needs it stated that became tasks to make a referral.</summary>
    public required int NeedTasks { get; init; }
    /// <summary>Needs it stated that were recorded as unmet (each also announced as <c>UnmetNeedRecorded</c>).</summary>
    public required int UnmetNeeds { get; init; }
    /// <summary>For a looked-after child, the London date the next assessment is due (12 months on, by default).</summary>
    public DateOnly? NextDueOn { get; init; }
    public required string SignedBy { get; init; }
    public required string SignedOffBy { get; init; }
    public required string SignedOffByRole { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>
/// REF-17: an assessment was not completed (signed off) by its deadline. Published once per assessment; it stays open
/// and overdue until it is completed, and the completion says it was late.
/// </summary>
[MessageUrn("support:referrals:assessment-overdue:v1")]
public sealed record AssessmentOverdue
{
    public required Guid AssessmentId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required AssessmentKind Kind { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>
/// REF-17: the referral task a completed assessment's need created was not ended (referral made, or unmet need) by its
/// deadline. Published once per task. No need text: the assessment says what it was.
/// </summary>
[MessageUrn("support:referrals:assessment-need-task-overdue:v1")]
public sealed record AssessmentNeedTaskOverdue
{
    public required Guid TaskId { get; init; }
    public required Guid AssessmentId { get; init; }
    public required Guid YoungPersonId { get; init; }
    /// <summary>The key worker it was given to; null when the case had none and it waits on the managers' list.</summary>
    public string? AssignedTo { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
