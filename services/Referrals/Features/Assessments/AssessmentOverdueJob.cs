using Support.Contracts.Referrals;
using Support.Referrals.Domain.Assessments;
using Support.Referrals.Features.Deadlines;

namespace Support.Referrals.Features.Assessments;

/// <summary>
/// REF-17 deadlines, missed visibly: an assessment not completed by its deadline (<c>AssessmentOverdue</c>) and a need
/// task not ended by its deadline (<c>AssessmentNeedTaskOverdue</c>) are each announced once, recorded as notice rows
/// so the assessment and the task themselves never change; the announcements reach the child's chronology.
/// </summary>
public sealed class AssessmentOverdueJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AssessmentOverdueJob> logger)
    : DeadlineJob(scopes, clock, logger)
{
    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var assessments = await AnnounceAsync<Assessment, AssessmentOverdue>(
            db => "claimed.completed_at IS NULL AND claimed.due_at < @now "
                + $"AND NOT EXISTS (SELECT 1 FROM {db.TableOf<AssessmentOverdueNotice>()} AS n WHERE n.assessment_id = claimed.id)",
            "due_at",
            (assessment, at, db) =>
            {
                if (AssessmentOverdueNotice.For(assessment, at) is not { } notice)
                {
                    return null;
                }
                db.Set<AssessmentOverdueNotice>().Add(notice);
                return new AssessmentOverdue
                {
                    AssessmentId = assessment.Id, YoungPersonId = assessment.YoungPersonId, Kind = assessment.Kind, DueAt = assessment.DueAt,
                    OccurredAt = at,
                };
            },
            cancellationToken, now);
        var tasks = await AnnounceAsync<AssessmentNeedTask, AssessmentNeedTaskOverdue>(
            db => "claimed.due_at < @now "
                + $"AND NOT EXISTS (SELECT 1 FROM {db.TableOf<AssessmentNeedTaskCompletion>()} AS c WHERE c.task_id = claimed.id) "
                + $"AND NOT EXISTS (SELECT 1 FROM {db.TableOf<AssessmentNeedTaskOverdueNotice>()} AS n WHERE n.task_id = claimed.id)",
            "due_at",
            (task, at, db) =>
            {
                if (AssessmentNeedTaskOverdueNotice.For(task, at) is not { } notice)
                {
                    return null;
                }
                db.Set<AssessmentNeedTaskOverdueNotice>().Add(notice);
                return new AssessmentNeedTaskOverdue
                {
                    TaskId = task.Id, AssessmentId = task.AssessmentId, YoungPersonId = task.YoungPersonId, AssignedTo = task.AssignedTo,
                    DueAt = task.DueAt, OccurredAt = at,
                };
            },
            cancellationToken, now);
        return Math.Max(assessments, tasks);
    }
}
