using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.Referrals.Domain.Cases;

namespace Support.Referrals.Features.RiskReviews;

/// <summary>
/// REF-25, REF-09: a case cannot close while a risk review of the young person is open; an overdue one is an open
/// deadline and says so. Closure waits for the social-care review, whatever any police outcome says.
/// </summary>
public sealed class RiskReviewCaseOpenItems(ReferralsDbContext db) : ICaseOpenItemSource
{
    public async Task<IReadOnlyList<CaseOpenItem>> FindAsync(Case @case, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reviews = await db.RiskReviews.AsNoTracking()
            .Where(r => r.YoungPersonId == @case.YoungPersonId && r.Status == RiskReviewStatus.Open)
            .OrderBy(r => r.DueAt)
            .ToListAsync(cancellationToken);
        return reviews.Select(r => new CaseOpenItem(
                $"risk-review:{r.Id}", "RiskReview",
                $"Risk review ({r.Trigger}) is open{(r.IsOverdue(now) ? " and overdue" : "")}.",
                BlocksClosure: true, r.DueAt, r.IsOverdue(now)))
            .ToList();
    }
}
