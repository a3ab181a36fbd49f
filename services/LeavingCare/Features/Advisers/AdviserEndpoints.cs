using Support.LeavingCare.Domain;
using Support.ServiceDefaults.Auth;
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
        group.MapPost("/", RegisterAdviser.HandleAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("RegisterAdviser").WithSummary("Register a personal adviser (managers).");
        group.MapGet("/", ListAdvisers.HandleAsync).RequireAuthorization(Access.LeavingCareTeam)
            .WithName("ListAdvisers").WithSummary("The registered personal advisers.");
        return app;
    }
}
