using Support.ServiceDefaults.Data;

namespace Support.Registry;

/// <summary>
/// A service's local copy of a registered young person, built only from registry events (never by reading the
/// Referrals database). Written only by <see cref="KnownYoungPeople.UpsertAsync"/>: a correction replaces the values
/// and an older version arriving late is ignored, decided in the database. Services keep their own context-specific
/// facts about the person in their own tables, keyed by the same id.
/// </summary>
[KeyedByYoungPerson]
public sealed class KnownYoungPerson
{
    private KnownYoungPerson() { }

    public Guid Id { get; private init; }
    public string DisplayName { get; private init; } = "";
    public DateOnly DateOfBirth { get; private init; }
    /// <summary>The recorded gender category (OUT-10); null when the registry has not said, which reports show as "not recorded".</summary>
    public string? Gender { get; private init; }
    /// <summary>Ethnicity as the young person described it (OUT-10); null when not recorded.</summary>
    public string? Ethnicity { get; private init; }
    public int DetailsVersion { get; private init; }
    public DateTimeOffset RegisteredAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private init; }

    /// <summary>A first version as the registry announced it (for seeding; consumers write through the upsert).</summary>
    public static KnownYoungPerson FromRegistry(Guid id, string displayName, DateOnly dateOfBirth, int version, DateTimeOffset at,
        string? gender = null, string? ethnicity = null) =>
        new()
        {
            Id = id, DisplayName = displayName, DateOfBirth = dateOfBirth, Gender = gender, Ethnicity = ethnicity, DetailsVersion = version,
            RegisteredAt = at, UpdatedAt = at,
        };
}
