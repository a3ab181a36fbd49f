using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.LeavingCare.Features.Advisers;

public sealed record RegisterAdviserRequest(string? UserId, string? DisplayName, string? Team, string? Provider);

public sealed record AdviserResponse(Guid Id, string UserId, string DisplayName, string Team, string Provider, LondonTime RegisteredAt, string RegisteredBy)
{
    public static AdviserResponse From(Adviser a) => new(a.Id, a.UserId, a.DisplayName, a.Team, a.Provider, LondonTime.Of(a.RegisteredAt), a.RegisteredBy);
}

/// <summary>LC-03: personal advisers are registered by managers, with their team and provider (LC-07).</summary>
public static class AdviserEndpoints
{
    public static IEndpointRouteBuilder MapAdviserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/leavingcare/advisers").WithTags("Personal advisers");
        group.MapPost("/", RegisterAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("RegisterAdviser").WithSummary("Register a personal adviser (managers).");
        group.MapGet("/", ListAsync).RequireAuthorization(Access.LeavingCareTeam)
            .WithName("ListAdvisers").WithSummary("The registered personal advisers.");
        return app;
    }

    public static async Task<Results<Created<AdviserResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
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

    public static async Task<Ok<List<AdviserResponse>>> ListAsync(LeavingCareDbContext db, CancellationToken cancellationToken)
    {
        var advisers = await db.Advisers.AsNoTracking().OrderBy(a => a.DisplayName).ToListAsync(cancellationToken);
        return TypedResults.Ok(advisers.Select(AdviserResponse.From).ToList());
    }
}
