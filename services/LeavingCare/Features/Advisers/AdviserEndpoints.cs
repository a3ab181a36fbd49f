using Support.LeavingCare.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Time;

namespace Support.LeavingCare.Features.Advisers;

public sealed record RegisterAdviserRequest(string? UserId, string? DisplayName, string? Team, string? Provider);

public sealed record ProviderHistoryEntry(string FromProvider, string ToProvider, DateOnly EffectiveOn, string Reason, LondonTime RecordedAt, string RecordedBy)
{
    public static ProviderHistoryEntry From(AdviserProviderChange c) =>
        new(c.FromProvider, c.ToProvider, c.EffectiveOn, c.Reason, LondonTime.Of(c.RecordedAt), c.RecordedBy);
}

/// <summary>An adviser with their provider now and, oldest first, every change of provider since registration (LC-07).</summary>
public sealed record AdviserResponse(
    Guid Id, string UserId, string DisplayName, string Team, string Provider, string RegisteredProvider, IReadOnlyList<ProviderHistoryEntry> ProviderHistory,
    LondonTime RegisteredAt, string RegisteredBy)
{
    public static AdviserResponse From(Adviser a, IReadOnlyList<AdviserProviderChange>? changes = null)
    {
        var history = (changes ?? []).OrderBy(c => c.Number).ToList();
        return new(a.Id, a.UserId, a.DisplayName, a.Team, history.Count == 0 ? a.Provider : history[^1].ToProvider, a.Provider,
            [.. history.Select(ProviderHistoryEntry.From)], LondonTime.Of(a.RegisteredAt), a.RegisteredBy);
    }
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
            .WithName("ListAdvisers").WithSummary("The registered personal advisers, each with their provider now and its history.");
        group.MapPost("/{id:guid}/provider-changes", ChangeAdviserProvider.HandleAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("ChangeAdviserProvider").WithSummary("Move an adviser to another provider from a date, with a reason; every record stays (LC-07).");
        return app;
    }
}
