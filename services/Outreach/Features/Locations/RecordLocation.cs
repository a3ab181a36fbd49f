using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Data;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Outreach.Features.Locations;

/// <summary>OUT-08: a place becomes a record once, by name; a second record of the same name is a 409 pointing at the first.</summary>
public static class RecordLocation
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(string? Name, string? Type, string? Area, decimal? Latitude, decimal? Longitude);

    public static async Task<Results<Created<LocationResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Request request, HttpRequest http, ClaimsPrincipal user, OutreachDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Text("name", request.Name, 200, required: true).Text("area", request.Area, 200);
        var type = errors.Named<LocationType>("type", request.Type, required: true);
        var key = errors.IdempotencyKey(http);
        errors.When(request.Latitude is null != (request.Longitude is null), "latitude", "Give both 'latitude' and 'longitude', or neither.")
            .When(request.Latitude is < -90 or > 90, "latitude", "'latitude' must be between -90 and 90.")
            .When(request.Longitude is < -180 or > 180, "longitude", "'longitude' must be between -180 and 180.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var author = user.ToAuthor(clock);
        if (key is not null && await db.Locations.AsNoTracking().SingleOrDefaultAsync(l => l.RecordedBy == author.UserId && l.IdempotencyKey == key, cancellationToken) is { } replay)
        {
            return Created(replay);
        }
        var name = request.Name!.Trim();
        if (await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Name.ToLower() == name.ToLower(), cancellationToken) is { } existing)
        {
            return AlreadyRecorded(existing.Id);
        }
        var location = Location.Record(name, type!.Value, Input.Clean(request.Area), request.Latitude, request.Longitude, author, key);
        db.Locations.Add(location);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            if (key is not null && await db.Locations.AsNoTracking().SingleOrDefaultAsync(l => l.RecordedBy == author.UserId && l.IdempotencyKey == key, cancellationToken) is { } raced)
            {
                return Created(raced);
            }
            var other = await db.Locations.AsNoTracking().FirstAsync(l => l.Name.ToLower() == name.ToLower(), cancellationToken);
            return AlreadyRecorded(other.Id);
        }
        return Created(location);
    }

    private static Created<LocationResponse> Created(Location location) =>
        TypedResults.Created($"/api/outreach/locations/{location.Id}", LocationResponse.From(location));

    private static ProblemHttpResult AlreadyRecorded(Guid id) => Conflicts.Problem(
        "A location with this name is already recorded.", "Use the existing location.",
        new Dictionary<string, object?> { ["locationId"] = id });
}
