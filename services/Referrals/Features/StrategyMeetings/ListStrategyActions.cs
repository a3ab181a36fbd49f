using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Features.Deadlines;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.StrategyMeetings;

/// <summary>A young person's strategy actions, and/or only the overdue ones, or those due later today (REF-11).</summary>
public static class ListStrategyActions
{
    public static async Task<Results<Ok<IReadOnlyList<StrategyActionResponse>>, ValidationProblem>> HandleAsync(
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
        var query = db.StrategyActions.AsNoTracking().Include(a => a.Completion).Include(a => a.Deferrals).Include(a => a.Reassignments).AsQueryable();
        if (youngPersonId is { } child)
        {
            query = query.Where(a => a.YoungPersonId == child);
        }
        if (overdue == true)
        {
            // COM-10: overdue against the current due time (the agreed one, or the last deferral's).
            query = query.Where(a => a.Completion == null && (a.Deferrals.Max(d => (DateTimeOffset?)d.ToDueAt) ?? a.DueAt) < now);
        }
        if (dueToday == true)
        {
            var (from, until) = DueToday.Window(clock);
            query = query.Where(a => a.Completion == null
                && (a.Deferrals.Max(d => (DateTimeOffset?)d.ToDueAt) ?? a.DueAt) >= from && (a.Deferrals.Max(d => (DateTimeOffset?)d.ToDueAt) ?? a.DueAt) < until);
        }
        var list = await query.OrderBy(a => a.Deferrals.Max(d => (DateTimeOffset?)d.ToDueAt) ?? a.DueAt).Take(500).ToListAsync(cancellationToken);
        await accessLog.RecordAsync(StrategyMeetingEndpoints.SubjectType, list.Select(a => a.YoungPersonId).Distinct().ToList(), AccessActions.Read, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<StrategyActionResponse>>(list.Select(a => StrategyActionResponse.From(a, now)).ToList());
    }
}
