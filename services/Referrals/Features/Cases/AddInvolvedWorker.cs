using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Cases;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Cases;

/// <summary>REF-24: workers other than the key worker are involved workers with a role, never a second key worker.</summary>
public static class AddInvolvedWorker
{
    public sealed record Request(string? Worker, string? Role);

    public static async Task<Results<Created<InvolvedWorkerResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("worker", request.Worker, 200).Required("role", request.Role, 100);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var @case = await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }
        InvolvedWorker worker;
        try
        {
            worker = @case.AddInvolvedWorker(request.Worker!.Trim(), request.Role!.Trim(), user.ToAuthor(clock));
        }
        catch (CaseConflictException conflict)
        {
            return CaseProblems.Conflict(conflict, @case);
        }
        db.Add(worker);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/referrals/cases/{id}", InvolvedWorkerResponse.From(worker));
    }
}
