using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain;

namespace Support.Referrals.Features.RiskReviews;

/// <summary>REF-16: "the review record lists every trigger since the previous review".</summary>
public static class RiskReviewTriggers
{
    /// <summary>
    /// The young person's reviews opened after the last review completed before this one (or before now if it is open),
    /// up to this review's completion; always including this review.
    /// </summary>
    public static async Task<List<RiskReview>> SincePreviousCompletedAsync(ReferralsDbContext db, RiskReview review, CancellationToken cancellationToken)
    {
        var others = db.RiskReviews.AsNoTracking().Where(r => r.YoungPersonId == review.YoungPersonId && r.Id != review.Id);
        if (review.CompletedAt is { } completedAt)
        {
            others = others.Where(r => r.RecordedAt <= completedAt);
        }
        var completedBefore = others.Where(r => r.CompletedAt != null);
        if (review.CompletedAt is { } until)
        {
            completedBefore = completedBefore.Where(r => r.CompletedAt < until);
        }
        var previous = await completedBefore.MaxAsync(r => r.CompletedAt, cancellationToken);
        if (previous is { } since)
        {
            others = others.Where(r => r.RecordedAt > since);
        }
        var triggers = await others.ToListAsync(cancellationToken);
        triggers.Add(review);
        return triggers.OrderBy(r => r.TriggeredAt).ThenBy(r => r.Id).ToList();
    }
}
