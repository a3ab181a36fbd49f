using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.RiskReviews;

public static class ListRiskReviews
{
    /// <summary>
    /// A young person's reviews (<c>youngPersonId</c>), or every open review past its due date (<c>overdue=true</c>)
    /// so missed deadlines are visible, never hidden.
    /// </summary>
    public static async Task<Results<Ok<IReadOnlyList<RiskReviewResponse>>, ValidationProblem>> HandleAsync(
        Guid? youngPersonId, bool? overdue, ReferralsDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().When(youngPersonId is null && overdue != true, "youngPersonId", "Give 'youngPersonId' or 'overdue=true'.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var now = clock.GetUtcNow();
        var query = db.RiskReviews.AsNoTracking();
        if (youngPersonId is { } id)
        {
            query = query.Where(r => r.YoungPersonId == id);
        }
        if (overdue == true)
        {
            query = query.Where(r => r.Status == RiskReviewStatus.Open && r.DueAt < now);
        }
        var reviews = await query.OrderBy(r => r.DueAt).Take(500).ToListAsync(cancellationToken);
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, reviews.Select(r => r.YoungPersonId).Distinct().ToList(), AccessActions.Read, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RiskReviewResponse>>(reviews.Select(r => RiskReviewResponse.From(r, now)).ToList());
    }
}
