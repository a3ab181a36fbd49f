using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
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
        api.MapPost("/flagged-addresses", FlagAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("FlagAddress").WithSummary("Record an address flagged in intelligence or at a strategy meeting (managers).");
        api.MapPost("/young-people/{id:guid}/accommodation-checks", CheckAsync).RequireAuthorization(Access.LeavingCareTeam)
            .WithName("CheckAccommodation").WithSummary("Check a proposed address for a 16-25 year old against flagged addresses and unsuitable placement types.");
        api.MapPost("/accommodation-checks/{id:guid}/decision", DecideAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("DecideAccommodation").WithSummary("A manager's recorded decision on a matched accommodation check.");
        return app;
    }

    public static async Task<Results<Created<FlaggedAddressResponse>, ValidationProblem>> FlagAsync(
        FlagAddressRequest request, ClaimsPrincipal user, LeavingCareDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("address", request.Address, 300)
            .Required("postcode", request.Postcode, 16)
            .Required("source", request.Source, 32)
            .Required("reason", request.Reason, 1000);
        errors.When(request.Source is not null && !Sources.Contains(request.Source), "source", $"'source' is one of {string.Join(", ", Sources)}.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var flagged = FlaggedAddress.Record(request.Address!.Trim(), request.Postcode!.Trim(), request.Source!, request.Reason!, user.ToAuthor(clock, Access.ManagerRoles));
        db.FlaggedAddresses.Add(flagged);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/leavingcare/flagged-addresses/{flagged.Id}",
            new FlaggedAddressResponse(flagged.Id, flagged.Address, flagged.Postcode, flagged.Source, LondonTime.Of(flagged.RecordedAt), flagged.RecordedBy));
    }

    public static async Task<Results<Created<AccommodationCheckResponse>, ValidationProblem, ProblemHttpResult, NotFound>> CheckAsync(
        Guid id, CheckAccommodationRequest request, ClaimsPrincipal user, LeavingCareDbContext db, IOptions<LeavingCareOptions> options,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("address", request.Address, 300)
            .Required("postcode", request.Postcode, 16)
            .Required("placementType", request.PlacementType, 64)
            .Required("adultsOnly", request.AdultsOnly)
            .Required("staffedEveningsAndWeekends", request.StaffedEveningsAndWeekends);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var picture = await db.Pictures.AsNoTracking().SingleOrDefaultAsync(p => p.YoungPersonId == id && p.DateOfBirth != null, cancellationToken);
        if (picture is null)
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock, Access.TeamRoles);
        var age = picture.AgeOn(London.DateOf(author.At));
        if (age is < 16 || age >= options.Value.SupportUntilAge)
        {
            return errors.Add("youngPersonId", $"Accommodation checks are for 16-{options.Value.SupportUntilAge} year olds; this young person is {age}.").ToUnprocessable();
        }
        var addressKey = AddressKey.Normalise(request.Address!);
        var postcodeKey = AddressKey.Normalise(request.Postcode!);
        var flagged = await db.FlaggedAddresses.AsNoTracking()
            .Where(f => f.PostcodeKey == postcodeKey && f.AddressKey == addressKey)
            .Select(f => new { f.Id, f.Source }).ToListAsync(cancellationToken);
        var matches = flagged.Select(f => $"FlaggedAddress:{f.Source}:{f.Id}").ToList();
        if (options.Value.UnsuitablePlacementTypes.Contains(request.PlacementType!.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            matches.Add($"UnsuitablePlacementType:{request.PlacementType.Trim()}");
        }
        if (request.AdultsOnly == true && request.StaffedEveningsAndWeekends == false)
        {
            matches.Add("AdultsOnlyWithoutEveningAndWeekendStaff");
        }
        var check = AccommodationCheck.Record(id, request.Address!.Trim(), request.Postcode!.Trim(), request.PlacementType.Trim(),
            request.AdultsOnly!.Value, request.StaffedEveningsAndWeekends!.Value, matches, author);
        db.AccommodationChecks.Add(check);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/leavingcare/accommodation-checks/{check.Id}", Response(check, null));
    }

    public static async Task<Results<Ok<AccommodationCheckResponse>, ValidationProblem, ProblemHttpResult, NotFound>> DecideAsync(
        Guid id, AccommodationDecisionRequest request, ClaimsPrincipal user, LeavingCareDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("approved", request.Approved).Required("rationale", request.Rationale, 2000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var check = await db.AccommodationChecks.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (check is null)
        {
            return TypedResults.NotFound();
        }
        if (!check.NeedsDecision)
        {
            return TypedResults.Problem(title: "The address matched nothing; no decision is needed.", statusCode: StatusCodes.Status409Conflict);
        }
        if (await db.AccommodationDecisions.AnyAsync(d => d.CheckId == id, cancellationToken))
        {
            return TypedResults.Problem(title: "A decision is already recorded for this check.", statusCode: StatusCodes.Status409Conflict);
        }
        var decision = AccommodationDecision.Record(id, request.Approved!.Value, request.Rationale!, user.ToAuthor(clock, Access.ManagerRoles));
        db.AccommodationDecisions.Add(decision);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return TypedResults.Problem(title: "A decision is already recorded for this check.", statusCode: StatusCodes.Status409Conflict);
        }
        return TypedResults.Ok(Response(check, decision));
    }

    private static AccommodationCheckResponse Response(AccommodationCheck c, AccommodationDecision? d) =>
        new(c.Id, c.YoungPersonId, c.Address, c.Postcode, c.PlacementType, c.Matches,
            !c.NeedsDecision ? "Clear" : d is null ? "NeedsManagerDecision" : d.Approved ? "ApprovedByManager" : "RejectedByManager",
            LondonTime.Of(c.RecordedAt), c.RecordedBy, d?.DecidedBy, d?.Rationale);
}
