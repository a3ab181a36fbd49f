namespace Support.Referrals.Domain.Assessments;

/// <summary>
/// That an assessment's deadline passed before it was completed and this was announced (<c>AssessmentOverdue</c>,
/// REF-17); append-only, at most one per assessment.
/// </summary>
public sealed class AssessmentOverdueNotice
{
    private AssessmentOverdueNotice() { }

    public Guid AssessmentId { get; private init; }
    public DateTimeOffset AnnouncedAt { get; private init; }

    /// <summary>The notice for <paramref name="assessment"/>, or null if it is not open and overdue at <paramref name="now"/>.</summary>
    public static AssessmentOverdueNotice? For(Assessment assessment, DateTimeOffset now) =>
        !assessment.IsCompleted && assessment.IsOverdue(now) ? new() { AssessmentId = assessment.Id, AnnouncedAt = now } : null;
}

/// <summary>
/// That a need task's deadline passed before it was ended and this was announced (<c>AssessmentNeedTaskOverdue</c>,
/// REF-17); append-only, at most one per task.
/// </summary>
public sealed class AssessmentNeedTaskOverdueNotice
{
    private AssessmentNeedTaskOverdueNotice() { }

    public Guid TaskId { get; private init; }
    public DateTimeOffset AnnouncedAt { get; private init; }

    /// <summary>The notice for <paramref name="task"/>, or null if it is not past its deadline at <paramref name="now"/>.</summary>
    public static AssessmentNeedTaskOverdueNotice? For(AssessmentNeedTask task, DateTimeOffset now) =>
        task.IsOverdue(now) ? new() { TaskId = task.Id, AnnouncedAt = now } : null;
}
