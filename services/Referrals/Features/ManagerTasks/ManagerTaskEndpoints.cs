using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Risk;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.Referrals.Features.RiskAssessments;
using Support.Referrals.Features.YoungPeople;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.ManagerTasks;

/// <summary>REF-07: the safeguarding decisions a legal flag asks of a team manager, and their completion with a decision.</summary>
public static class ManagerTaskEndpoints
{
    public sealed record ManagerTaskResponse(
        Guid Id, Guid YoungPersonId, ManagerTaskKind Kind, LegalFlag? Flag, Guid SourceId, LondonTime CreatedAt, string CreatedBy,
        bool Completed, string? Decision, LondonTime? CompletedAt, string? CompletedBy);

    public sealed record CompleteRequest(string? Decision);

    private static readonly string[] Managers = [Roles.TeamManager, Roles.SeniorManager];

    public static IEndpointRouteBuilder MapManagerTaskEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/referrals/manager-tasks").RequireAuthorization(Policies.TeamManagers).WithTags("Manager tasks");
        group.MapGet("/", ListAsync).WithName("ListManagerTasks")
            .WithSummary("Open manager tasks, oldest first (or every task with status=all); each young person shown is audited");
        group.MapPost("/{id:guid}/complete", CompleteAsync).WithName("CompleteManagerTask")
            .WithSummary("Complete a manager task with the safeguarding decision (REF-07)");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<ManagerTaskResponse>>, ValidationProblem>> ListAsync(
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
        return TypedResults.Ok<IReadOnlyList<ManagerTaskResponse>>(rows.Select(r => Response(r.t, r.c)).ToList());
    }

    private static async Task<Results<Ok<ManagerTaskResponse>, ValidationProblem, ProblemHttpResult, NotFound>> CompleteAsync(
        Guid id, CompleteRequest request, ClaimsPrincipal user, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("decision", request.Decision, 4000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var task = await db.ManagerTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null)
        {
            return TypedResults.NotFound();
        }
        if (await db.ManagerTaskCompletions.AnyAsync(c => c.TaskId == id, cancellationToken))
        {
            return RiskAssessmentEndpoints.Conflict("This task is already completed.");
        }
        var completion = ManagerTaskCompletion.For(task, request.Decision!, user.ToAuthor(clock, Managers));
        db.ManagerTaskCompletions.Add(completion);
        if (await RiskAssessmentEndpoints.SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Ok(Response(task, completion));
    }

    private static ManagerTaskResponse Response(ManagerTask t, ManagerTaskCompletion? c) => new(
        t.Id, t.YoungPersonId, t.Kind, t.Flag, t.SourceId, LondonTime.Of(t.CreatedAt), t.CreatedBy, c is not null, c?.Decision, LondonTime.Of(c?.CompletedAt), c?.CompletedBy);
}
