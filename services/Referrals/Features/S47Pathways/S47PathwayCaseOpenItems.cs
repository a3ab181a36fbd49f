using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Cases;
using Support.Referrals.Domain.S47;

namespace Support.Referrals.Features.S47Pathways;

/// <summary>
/// REF-10, REF-25: an s47 pathway that has not reached its outcome is an open deadline; the case cannot close around
/// it. The pathway ends with CP plan, child-in-need plan or a manager's no further action, never by closing the case.
/// </summary>
public sealed class S47PathwayCaseOpenItems(ReferralsDbContext db) : ICaseOpenItemSource
{
    public async Task<IReadOnlyList<CaseOpenItem>> FindAsync(Case @case, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pathways = await db.S47Pathways.AsNoTracking()
            .Where(p => p.YoungPersonId == @case.YoungPersonId)
            .ToListAsync(cancellationToken);
        return pathways.Where(p => !S47StateMachine.IsOutcome(p.Stage))
            .OrderBy(p => p.DueAt)
            .Select(p => new CaseOpenItem(
                $"s47-pathway:{p.Id}", "S47Pathway",
                $"s47 pathway at {p.Stage}{(p.IsOverdue(now) ? ", overdue" : "")}.",
                BlocksClosure: true, p.DueAt, p.IsOverdue(now)))
            .ToList();
    }
}
