using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.RiskReviews;

public static class AssignRiskReviewOwner
{
    public sealed record Request(string? Owner);

    public static async Task<Results<Ok<RiskReviewResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("owner", request.Owner, 200);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var review = await db.RiskReviews.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return TypedResults.NotFound();
        }
        if (review.Status == RiskReviewStatus.Completed)
        {
            return Conflicts.Problem("The review is already completed.");
        }
        review.AssignOwner(request.Owner!.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(RiskReviewResponse.From(review, clock.GetUtcNow()));
    }
}
