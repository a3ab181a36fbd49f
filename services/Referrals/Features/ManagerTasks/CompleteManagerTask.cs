using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.Referrals.Features.RiskAssessments;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.ManagerTasks;

/// <summary>REF-07: a team manager completes a task once, with the safeguarding decision.</summary>
public static class CompleteManagerTask
{
    public sealed record Request(string? Decision);

    private static readonly string[] Managers = [Roles.TeamManager, Roles.SeniorManager];

    public static async Task<Results<Ok<ManagerTaskResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
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
            return Conflicts.Problem("This task is already completed.");
        }
        var completion = ManagerTaskCompletion.For(task, request.Decision!, user.ToAuthor(clock, Managers));
        db.ManagerTaskCompletions.Add(completion);
        if (await RiskLevelSaving.SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Ok(ManagerTaskResponse.From(task, completion));
    }
}
