using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.Outreach.Features.Reports;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Outreach.Features.Locations;

/// <summary>
/// OUT-08 for the worker on the street (issue 14, journey 1): the places where the signed-in worker logged contacts,
/// with how many, how many with a concern, how many young people and when last. The worker's own records, so the
/// counts are exact and no child is named; the all-workers hotspot report stays with managers and police liaison. A
/// corrected contact counts as its latest correction; a contact with a typed place and no location record is not on
/// the map (it has nowhere to be drawn).
/// </summary>
public static class MyPlaces
{
    public sealed record Place(
        Guid LocationId, string Name, LocationType Type, string? Area, decimal? Latitude, decimal? Longitude, int Contacts, int Concerns,
        int YoungPeople, LondonTime LastContact);

    public sealed record Response(string From, string To, IReadOnlyList<Place> Places);

    public static async Task<Results<Ok<Response>, ValidationProblem>> HandleAsync(
        string? from, string? to, ClaimsPrincipal user, OutreachDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (ReportMonths.Parse(from, to, clock, errors) is not { } period)
        {
            return errors.ToBadRequest();
        }
        var me = user.UserId();
        var (start, end) = (period.Start, period.End);
        var counts = await db.Contacts.AsNoTracking()
            .Where(c => c.RecordedBy == me && c.LocationId != null && c.ContactedAt >= start && c.ContactedAt < end
                && !db.Contacts.Any(later => later.Corrects == c.Id))
            .GroupBy(c => c.LocationId!.Value)
            .Select(g => new
            {
                LocationId = g.Key,
                Contacts = g.Count(),
                Concerns = g.Count(c => c.Concern != null),
                YoungPeople = g.Select(c => c.YoungPersonId ?? c.AliasId).Distinct().Count(),
                Last = g.Max(c => c.ContactedAt),
            })
            .ToListAsync(cancellationToken);
        var ids = counts.Select(c => c.LocationId).ToList();
        var locations = await db.Locations.AsNoTracking().Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
        var places = counts
            .Select(c => (Count: c, Location: locations[c.LocationId]))
            .OrderByDescending(p => p.Count.Contacts).ThenBy(p => p.Location.Name, StringComparer.Ordinal)
            .Select(p => new Place(p.Location.Id, p.Location.Name, p.Location.Type, p.Location.Area, p.Location.Latitude, p.Location.Longitude,
                p.Count.Contacts, p.Count.Concerns, p.Count.YoungPeople, LondonTime.Of(p.Count.Last)))
            .ToList();
        return TypedResults.Ok(new Response(period.FromLabel, period.ToLabel, places));
    }
}
