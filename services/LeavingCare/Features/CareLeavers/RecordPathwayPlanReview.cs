using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.LeavingCare.Features.CareLeavers;

/// <summary>A pathway plan review and when the next is due (LC-03).</summary>
public static class RecordPathwayPlanReview
{
    public static async Task<Results<Created<PathwayPlanReviewResponse>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> HandleAsync(
        Guid id, PathwayPlanReviewRequest request, ClaimsPrincipal user, LeavingCareDbContext db, IOptions<LeavingCareOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("reviewedOn", request.ReviewedOn);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var picture = await CareLeaverEndpoints.KnownAsync(db, id, cancellationToken);
        if (picture is null)
        {
            return TypedResults.NotFound();
        }
        if (!user.MaySee(picture))
        {
            return TypedResults.Forbid();
        }
        var author = user.ToAuthor(clock, Access.TeamRoles);
        // Issue 15 item 6: the same date rule as every service.
        if (EventDates.Problem("reviewedOn", request.ReviewedOn!.Value, picture.DateOfBirth, author.At) is { } problem)
        {
            return errors.Add("reviewedOn", problem).ToUnprocessable();
        }
        var review = PathwayPlanReview.Record(id, request.ReviewedOn!.Value, author);
        db.PathwayPlanReviews.Add(review);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/leavingcare/young-people/{id}/pathway-plan-reviews/{review.Id}", new PathwayPlanReviewResponse(review.Id, id,
            review.ReviewedOn, review.ReviewedOn.AddMonths(options.Value.PathwayPlanReviewMonths), LondonTime.Of(review.RecordedAt), review.RecordedBy));
    }
}
