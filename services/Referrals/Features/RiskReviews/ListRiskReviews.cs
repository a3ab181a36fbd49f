using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.Referrals.Features.Deadlines;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.RiskReviews;

public static class ListRiskReviews
{
    /// <summary>
    /// A young person's reviews (<c>youngPersonId</c>), or every open review past its due date (<c>overdue=true</c>)
    /// so missed deadlines are visible, never hidden, or every open review due later today (<c>dueToday=true</c>).
    /// </summary>
    public static async Task<Results<Ok<IReadOnlyList<RiskReviewResponse>>, ValidationProblem>> HandleAsync(
        Guid? youngPersonId, bool? overdue, bool? dueToday, ReferralsDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .When(youngPersonId is null && overdue != true && dueToday != true, "youngPersonId", "Give 'youngPersonId', 'overdue=true' or 'dueToday=true'.")
            .When(overdue == true && dueToday == true, "dueToday", DueToday.BothGiven);
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
        if (dueToday == true)
        {
            var (from, until) = DueToday.Window(clock);
            query = query.Where(r => r.Status == RiskReviewStatus.Open && r.DueAt >= from && r.DueAt < until);
        }
        var reviews = await query.OrderBy(r => r.DueAt).Take(500).ToListAsync(cancellationToken);
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, reviews.Select(r => r.YoungPersonId).Distinct().ToList(), AccessActions.Read, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RiskReviewResponse>>(reviews.Select(r => RiskReviewResponse.From(r, now)).ToList());
    }
}
