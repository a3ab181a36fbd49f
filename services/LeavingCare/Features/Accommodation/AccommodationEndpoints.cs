using Support.LeavingCare.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Time;

namespace Support.LeavingCare.Features.Accommodation;

public sealed record FlagAddressRequest(string? Address, string? Postcode, string? Source, string? Reason);
public sealed record FlaggedAddressResponse(Guid Id, string Address, string Postcode, string Source, LondonTime RecordedAt, string RecordedBy);
public sealed record CheckAccommodationRequest(string? Address, string? Postcode, string? PlacementType, bool? AdultsOnly, bool? StaffedEveningsAndWeekends);
public sealed record AccommodationDecisionRequest(bool? Approved, string? Rationale);
public sealed record AccommodationCheckResponse(
    Guid Id, Guid YoungPersonId, string Address, string Postcode, string PlacementType, IReadOnlyList<string> Matches, string Status,
    LondonTime RecordedAt, string RecordedBy, string? DecidedBy, string? Rationale);

/// <summary>
/// LC-05 (Casey-I: "all adult women hostel, no staff at weekends or evenings"): a proposed address for a 16-25 year old
/// is checked against flagged addresses and unsuitable placement types; a match needs a manager's recorded decision.
/// </summary>
public static class AccommodationEndpoints
{
    public static readonly string[] Sources = ["Intelligence", "StrategyMeeting"];

    public static IEndpointRouteBuilder MapAccommodationEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/leavingcare").WithTags("Accommodation safety");
        api.MapPost("/flagged-addresses", FlagAddress.HandleAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("FlagAddress").WithSummary("Record an address flagged in intelligence or at a strategy meeting (managers).");
        api.MapPost("/young-people/{id:guid}/accommodation-checks", CheckAccommodation.HandleAsync).RequireAuthorization(Access.LeavingCareTeam)
            .WithName("CheckAccommodation").WithSummary("Check a proposed address for a 16-25 year old against flagged addresses and unsuitable placement types.");
        api.MapPost("/accommodation-checks/{id:guid}/decision", DecideAccommodation.HandleAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("DecideAccommodation").WithSummary("A manager's recorded decision on a matched accommodation check.");
        return app;
    }

    internal static AccommodationCheckResponse Response(AccommodationCheck c, AccommodationDecision? d) =>
        new(c.Id, c.YoungPersonId, c.Address, c.Postcode, c.PlacementType, c.Matches,
            !c.NeedsDecision ? "Clear" : d is null ? "NeedsManagerDecision" : d.Approved ? "ApprovedByManager" : "RejectedByManager",
            LondonTime.Of(c.RecordedAt), c.RecordedBy, d?.DecidedBy, d?.Rationale);
}
