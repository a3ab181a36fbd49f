using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.ServiceDefaults.Audit;

namespace Support.Referrals.Features.RiskReviews;

public static class GetRiskReview
{
    public static async Task<Results<Ok<RiskReviewResponse>, NotFound>> HandleAsync(
        Guid id, ReferralsDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var review = await db.RiskReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return TypedResults.NotFound();
        }
        var triggers = await RiskReviewTriggers.SincePreviousCompletedAsync(db, review, cancellationToken);
        var completion = await db.RiskReviewCompletions.AsNoTracking().SingleOrDefaultAsync(c => c.ReviewId == id, cancellationToken);
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, [review.YoungPersonId], AccessActions.Read, cancellationToken);
        return TypedResults.Ok(RiskReviewResponse.From(review, clock.GetUtcNow(), triggers, completion));
    }
}
