namespace Support.Messaging.Registry;

/// <summary>
/// A service's local copy of a registered young person, built only from registry events (never by reading the
/// Referrals database). A correction replaces the values; an older version arriving late is ignored. Services keep
/// their own context-specific facts about the person in their own tables, keyed by the same id.
/// </summary>
public sealed class KnownYoungPerson
{
    private KnownYoungPerson() { }

    public Guid Id { get; private init; }
    public string DisplayName { get; private set; } = "";
    public DateOnly DateOfBirth { get; private set; }
    public int DetailsVersion { get; private set; }
    public DateTimeOffset RegisteredAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static KnownYoungPerson FromRegistry(Guid id, string displayName, DateOnly dateOfBirth, int version, DateTimeOffset at) =>
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
