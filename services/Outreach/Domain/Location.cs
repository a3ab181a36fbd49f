using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Domain;

/// <summary>
/// A place in its own right (OUT-08): contacts and information items point at it, so a hotspot is counted by place
/// and never by child. Coordinates are optional (a worker in a park may not have them); when given they are both given.
/// </summary>
public sealed class Location
{
    private Location() { }

    public Guid Id { get; private init; }
    public string Name { get; private init; } = "";
    public LocationType Type { get; private init; }
    public string? Area { get; private init; }
    public decimal? Latitude { get; private init; }
    public decimal? Longitude { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string? IdempotencyKey { get; private init; }

    public static Location Record(string name, LocationType type, string? area, decimal? latitude, decimal? longitude, Author author, string? idempotencyKey) =>
        new()
        {
            Id = Guid.CreateVersion7(author.At),
            Name = name,
            Type = type,
            Area = area,
            Latitude = latitude,
            Longitude = longitude,
            RecordedAt = author.At,
            RecordedBy = author.UserId,
            IdempotencyKey = idempotencyKey,
        };
}
