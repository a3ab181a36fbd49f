using Support.Outreach.Domain;
using Support.ServiceDefaults.Time;

namespace Support.Outreach.Features.Locations;

public sealed record LocationResponse(Guid Id, string Name, LocationType Type, string? Area, decimal? Latitude, decimal? Longitude, LondonTime RecordedAt, string RecordedBy)
{
    public static LocationResponse From(Location l) => new(l.Id, l.Name, l.Type, l.Area, l.Latitude, l.Longitude, LondonTime.Of(l.RecordedAt), l.RecordedBy);
}
