using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Assessments;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Assessments;

/// <summary>
/// REF-17: the tasks the needs of completed assessments created. <c>mine=true</c> (the default) gives the signed-in key
/// worker's; managers can ask for every open task (<c>mine=false</c>), those with no key worker among them. Open
/// (default), overdue or all; audited.
/// </summary>
public static class ListNeedTasks
{
    public static async Task<Results<Ok<IReadOnlyList<NeedTaskView>>, ValidationProblem, ForbidHttpResult>> HandleAsync(
        bool? mine, string? status, ClaimsPrincipal user, ReferralsDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().When(status is not (null or "open" or "overdue" or "all"), "status", "'status' is 'open' (default), 'overdue' or 'all'.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        if (mine == false && !user.IsInRole(Roles.TeamManager) && !user.IsInRole(Roles.SeniorManager))
        {
            return TypedResults.Forbid();
        }
        var now = clock.GetUtcNow();
        var me = user.UserId();
        var query = db.Set<AssessmentNeedTask>().AsNoTracking()
            .GroupJoin(db.Set<AssessmentNeedTaskCompletion>(), t => t.Id, c => c.TaskId, (t, c) => new { t, c })
            .SelectMany(x => x.c.DefaultIfEmpty(), (x, c) => new { x.t, c });
        if (mine != false)
        {
            query = query.Where(x => x.t.AssignedTo == me);
        }
        query = status switch
        {
            "all" => query,
            "overdue" => query.Where(x => x.c == null && x.t.DueAt < now),
            _ => query.Where(x => x.c == null),
        };
        var rows = await query.OrderBy(x => x.t.DueAt).ThenBy(x => x.t.Id).Take(ListAssessments.Limit).ToListAsync(cancellationToken);
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, rows.Select(x => x.t.YoungPersonId).Distinct().ToList(), AccessActions.Read, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<NeedTaskView>>([.. rows.Select(x => NeedTaskView.From(x.t, x.c, now))]);
    }
}
