using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
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
            return TypedResults.Problem(title: "An adviser with this user id is already registered.", statusCode: StatusCodes.Status409Conflict);
        }
        var adviser = Adviser.Register(request.UserId!.Trim(), request.DisplayName!.Trim(), request.Team!.Trim(), request.Provider!.Trim(),
            user.ToAuthor(clock, Access.ManagerRoles));
        db.Advisers.Add(adviser);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/leavingcare/advisers/{adviser.Id}", AdviserResponse.From(adviser));
    }
}
