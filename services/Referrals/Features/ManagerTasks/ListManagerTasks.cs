using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Features.YoungPeople;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.ManagerTasks;

public static class ListManagerTasks
{
    public static async Task<Results<Ok<IReadOnlyList<ManagerTaskResponse>>, ValidationProblem>> HandleAsync(
        string? status, Guid? youngPersonId, ReferralsDbContext db, IAccessLog accessLog, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().When(status is not (null or "open" or "all"), "status", "'status' is 'open' (default) or 'all'.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var query = db.ManagerTasks.AsNoTracking()
            .GroupJoin(db.ManagerTaskCompletions, t => t.Id, c => c.TaskId, (t, c) => new { t, c })
            .SelectMany(x => x.c.DefaultIfEmpty(), (x, c) => new { x.t, c });
        if (status != "all")
        {
            query = query.Where(x => x.c == null);
        }
        if (youngPersonId is { } person)
        {
            query = query.Where(x => x.t.YoungPersonId == person);
        }
        var rows = await query.OrderBy(x => x.t.CreatedAt).Take(500).ToListAsync(cancellationToken);
        await accessLog.RecordAsync(YoungPeopleEndpoints.SubjectType, rows.Select(r => r.t.YoungPersonId).Distinct().ToList(), AccessActions.Read, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ManagerTaskResponse>>(rows.Select(r => ManagerTaskResponse.From(r.t, r.c)).ToList());
    }
}
