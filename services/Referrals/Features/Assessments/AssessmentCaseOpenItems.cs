using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Assessments;
using Support.Referrals.Domain.Cases;

namespace Support.Referrals.Features.Assessments;

/// <summary>
/// REF-17, REF-25: an assessment not yet signed off and a need task not yet done are open on the case; closing it needs
/// an explicit decision on each, so an assessment is never left half-written and a stated need never forgotten.
/// </summary>
public sealed class AssessmentCaseOpenItems(ReferralsDbContext db) : ICaseOpenItemSource
{
    public async Task<IReadOnlyList<CaseOpenItem>> FindAsync(Case @case, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var assessments = await db.Set<Assessment>().AsNoTracking()
            .Where(a => a.YoungPersonId == @case.YoungPersonId && a.CompletedAt == null).OrderBy(a => a.DueAt).ToListAsync(cancellationToken);
        var done = db.Set<AssessmentNeedTaskCompletion>().Select(c => c.TaskId);
        var tasks = await db.Set<AssessmentNeedTask>().AsNoTracking()
            .Where(t => t.YoungPersonId == @case.YoungPersonId && !done.Contains(t.Id)).OrderBy(t => t.DueAt).ToListAsync(cancellationToken);
        return
        [
            .. assessments.Select(a => new CaseOpenItem($"assessment:{a.Id}", "Assessment",
                $"{a.Kind} assessment not signed off{(a.IsOverdue(now) ? ", overdue" : "")}.", BlocksClosure: false, a.DueAt, a.IsOverdue(now))),
            .. tasks.Select(t => new CaseOpenItem($"assessment-need-task:{t.Id}", "AssessmentNeedTask",
                $"A need stated in an assessment ({t.Category}) has no referral or unmet-need entry yet.", BlocksClosure: false, t.DueAt, now > t.DueAt)),
        ];
    }
}
