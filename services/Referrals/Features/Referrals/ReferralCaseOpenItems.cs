using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Cases;

namespace Support.Referrals.Features.Referrals;

/// <summary>
/// REF-04, REF-25: a referral for the young person still waiting at the front door is an open decision deadline; the
/// case cannot close before someone has decided it. REF-03: nor while a referral carrying reasonable cause to suspect
/// significant harm has no manager's s47 decision, whatever its front-door outcome was.
/// </summary>
public sealed class ReferralCaseOpenItems(ReferralsDbContext db) : ICaseOpenItemSource
{
    public async Task<IReadOnlyList<CaseOpenItem>> FindAsync(Case @case, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var undecided = await db.Referrals.AsNoTracking()
            .Where(r => r.YoungPersonId == @case.YoungPersonId && r.DecidedAt == null)
            .OrderBy(r => r.DecisionDueAt)
            .ToListAsync(cancellationToken);
        var awaitingS47 = await db.Referrals.AsNoTracking()
            .Where(r => r.YoungPersonId == @case.YoungPersonId && r.ReasonableCause && !r.S47Decisions.Any())
            .OrderBy(r => r.ReceivedAt)
            .ToListAsync(cancellationToken);
        return undecided.Select(r => new CaseOpenItem(
                $"referral:{r.Id}", "ReferralDecision",
                $"Referral received {r.ReceivedAt:yyyy-MM-dd} has no decision{(r.IsOverdue(now) ? " and is overdue" : "")}.",
                BlocksClosure: true, r.DecisionDueAt, r.IsOverdue(now)))
            .Concat(awaitingS47.Select(r => new CaseOpenItem(
                $"referral-s47:{r.Id}", "S47Decision",
                $"Referral received {r.ReceivedAt:yyyy-MM-dd} carries reasonable cause to suspect significant harm and has no manager's s47 decision (REF-03).",
                BlocksClosure: true)))
            .ToList();
    }
}
