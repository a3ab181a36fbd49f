using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Cases;

namespace Support.Referrals.Features.StrategyMeetings;

/// <summary>
/// REF-11, REF-25: an action agreed at a strategy meeting is tracked until it is done, so a case cannot close while one
/// of the young person's actions is still open ("where actions were agreed there was often no evidence on file that
/// these had been followed through", Imray §4.3).
/// </summary>
public sealed class StrategyActionCaseOpenItems(ReferralsDbContext db) : ICaseOpenItemSource
{
    public async Task<IReadOnlyList<CaseOpenItem>> FindAsync(Case @case, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var actions = await db.StrategyActions.AsNoTracking().Include(a => a.Deferrals).Include(a => a.Reassignments)
            .Where(a => a.YoungPersonId == @case.YoungPersonId && a.Completion == null)
            .OrderBy(a => a.DueAt)
            .ToListAsync(cancellationToken);
        return actions.Select(a => new CaseOpenItem(
                $"strategy-action:{a.Id}", "StrategyAction",
                $"Strategy-meeting action for {a.CurrentOwner} is open{(a.IsOverdue(now) ? " and overdue" : "")}.",
                BlocksClosure: true, a.CurrentDueAt, a.IsOverdue(now)))
            .ToList();
    }
}
