using Support.Contracts.UnmetNeeds;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Assessments;

/// <summary>How a need task ended: the referral was made, or it could not be and the need is recorded as unmet.</summary>
public enum NeedTaskOutcome
{
    ReferralMade,
    UnmetNeed,
}

/// <summary>
/// REF-17: "Any need stated in the assessment (such as 'likely to need counselling') creates a matching referral task";
/// Imray §4.5: "The most that was said was that Child H was likely to need counselling". The task goes to the case's
/// key worker at sign-off (or to the managers' list when the case has none) with a deadline. Append-only: its ending
/// is one <see cref="AssessmentNeedTaskCompletion"/>.
/// </summary>
public sealed class AssessmentNeedTask
{
    private AssessmentNeedTask() { }

    public Guid Id { get; private init; }
    public Guid AssessmentId { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public string Need { get; private init; } = "";
    public string Category { get; private init; } = "";
    /// <summary>The key worker when the assessment was signed off; null when the case had none (managers see it).</summary>
    public string? AssignedTo { get; private init; }
    public DateTimeOffset DueAt { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public string CreatedBy { get; private init; } = "";

    /// <summary>Past its deadline from the first instant after it (the job checks it is still open).</summary>
    public bool IsOverdue(DateTimeOffset now) => now > DueAt;

    public static AssessmentNeedTask For(Assessment assessment, AssessmentNeed need, string? keyWorker, DateTimeOffset dueAt, Author manager) => new()
    {
        Id = Guid.CreateVersion7(manager.At),
        AssessmentId = assessment.Id,
        YoungPersonId = assessment.YoungPersonId,
        Need = need.Description,
        Category = need.Category,
        AssignedTo = keyWorker,
        DueAt = dueAt,
        CreatedAt = manager.At,
        CreatedBy = manager.UserId,
    };
}

/// <summary>The end of a need task, once: what referral was made, or why none could be (then unmet need, COM-05).</summary>
public sealed class AssessmentNeedTaskCompletion
{
    private AssessmentNeedTaskCompletion() { }

    public Guid TaskId { get; private init; }
    public NeedTaskOutcome Outcome { get; private init; }
    public string Detail { get; private init; } = "";
    public UnmetNeedReason? UnmetNeedReason { get; private init; }
    /// <summary>The unmet-need entry announced with it, when the outcome is unmet need.</summary>
    public Guid? UnmetNeedId { get; private init; }
    public DateTimeOffset CompletedAt { get; private init; }
    public string CompletedBy { get; private init; } = "";
    public string CompletedByRole { get; private init; } = "";

    public static AssessmentNeedTaskCompletion Of(AssessmentNeedTask task, NeedTaskOutcome outcome, string detail, UnmetNeedReason? reason, Author author) => new()
    {
        TaskId = task.Id,
        Outcome = outcome,
        Detail = detail.Trim(),
        UnmetNeedReason = outcome == NeedTaskOutcome.UnmetNeed ? reason : null,
        UnmetNeedId = outcome == NeedTaskOutcome.UnmetNeed ? Guid.CreateVersion7(author.At) : null,
        CompletedAt = author.At,
        CompletedBy = author.UserId,
        CompletedByRole = author.Role,
    };
}
