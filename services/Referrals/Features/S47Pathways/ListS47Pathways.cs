using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Features.Deadlines;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.S47Pathways;

public static class ListS47Pathways
{
    public static async Task<Results<Ok<IReadOnlyList<S47PathwayResponse>>, ValidationProblem>> HandleAsync(
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
        var query = db.S47Pathways.AsNoTracking().Include(p => p.Transitions).AsQueryable();
        if (youngPersonId is { } id)
        {
            query = query.Where(p => p.YoungPersonId == id);
        }
        if (overdue == true)
        {
            // Outcomes have no deadline, so every row with a deadline in the past is an overdue state (REF-10).
            query = query.Where(p => p.DueAt != null && p.DueAt < now);
        }
        if (dueToday == true)
        {
            var (from, until) = DueToday.Window(clock);
            query = query.Where(p => p.DueAt != null && p.DueAt >= from && p.DueAt < until);
        }
        var pathways = await query.OrderBy(p => p.DueAt).Take(500).ToListAsync(cancellationToken);
        await accessLog.RecordAsync(S47PathwayEndpoints.SubjectType, pathways.Select(p => p.YoungPersonId).Distinct().ToList(), AccessActions.Read, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<S47PathwayResponse>>(pathways.Select(p => S47PathwayResponse.From(p, now)).ToList());
    }
}
