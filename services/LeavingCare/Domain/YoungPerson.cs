namespace Support.LeavingCare.Domain;

/// <summary>
/// This context's local copy of a registered young person, built only from registry events (no calls into the
/// Referrals database). A correction replaces the values; an older version arriving late is ignored.
/// </summary>
public sealed class YoungPerson
{
    private YoungPerson() { }

    public Guid Id { get; private init; }
    public string DisplayName { get; private set; } = "";
    public DateOnly DateOfBirth { get; private set; }
    public int DetailsVersion { get; private set; }
    public DateTimeOffset RegisteredAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static YoungPerson FromRegistry(Guid id, string displayName, DateOnly dateOfBirth, int version, DateTimeOffset at) =>
        new() { Id = id, DisplayName = displayName, DateOfBirth = dateOfBirth, DetailsVersion = version, RegisteredAt = at, UpdatedAt = at };

    /// <summary>Applies newer registry details; returns false when <paramref name="version"/> is not newer.</summary>
    public bool Apply(string displayName, DateOnly dateOfBirth, int version, DateTimeOffset at)
    {
        if (version <= DetailsVersion)
        {
            return false;
        }
        (DisplayName, DateOfBirth, DetailsVersion, UpdatedAt) = (displayName, dateOfBirth, version, at);
        return true;
    }
}
