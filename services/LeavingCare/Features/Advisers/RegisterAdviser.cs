using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.LeavingCare.Features.Advisers;

/// <summary>Registers a personal adviser, so a manager can allocate them.</summary>
public static class RegisterAdviser
{
    public static async Task<Results<Created<AdviserResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        RegisterAdviserRequest request, ClaimsPrincipal user, LeavingCareDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("userId", request.UserId)
            .Required("displayName", request.DisplayName)
            .Required("team", request.Team, 100)
            .Required("provider", request.Provider, 100);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        if (await db.Advisers.AnyAsync(a => a.UserId == request.UserId, cancellationToken))
        {
            return Duplicate();
        }
        var adviser = Adviser.Register(request.UserId!.Trim(), request.DisplayName!.Trim(), request.Team!.Trim(), request.Provider!.Trim(),
            user.ToAuthor(clock, Access.ManagerRoles));
        db.Advisers.Add(adviser);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two managers registering the same adviser at once: the check above saw neither, the unique index sees both.
            return Duplicate();
        }
        return TypedResults.Created($"/api/leavingcare/advisers/{adviser.Id}", AdviserResponse.From(adviser));
    }

    private static ProblemHttpResult Duplicate() =>
        Conflicts.Problem("An adviser with this user id is already registered.");
}
