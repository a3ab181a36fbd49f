using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.OrganisedAbuse;

/// <summary>A young person linked to an alleged perpetrator, nickname, vehicle, phone or address (REF-13); append-only.</summary>
public sealed class YoungPersonLink
{
    private YoungPersonLink() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public LinkKind Kind { get; private init; }
    /// <summary>The normalised value (<see cref="LinkValues"/>); never logged.</summary>
    public string Value { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";

    public static YoungPersonLink Record(Guid youngPersonId, LinkKind kind, string normalisedValue, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        YoungPersonId = youngPersonId,
        Kind = kind,
        Value = normalisedValue,
        RecordedAt = author.At,
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
    };
}

/// <summary>
/// A link shared by enough young people to suspect organised or multiple abuse (REF-13, Working Together 1999: "abuse
/// involving one or more abuser and a number of related or non-related abused children"). One per link, so
/// <c>OrganisedAbuseSuspected</c> is announced once per network. Append-only.
/// </summary>
public sealed class OrganisedAbuseNetwork
{
    private OrganisedAbuseNetwork() { }

    public Guid Id { get; private init; }
    public LinkKind Kind { get; private init; }
    public string Value { get; private init; } = "";
    public DateTimeOffset IdentifiedAt { get; private init; }

    public static OrganisedAbuseNetwork Identify(LinkKind kind, string value, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        Kind = kind,
        Value = value,
        IdentifiedAt = at,
    };
}

/// <summary>The <c>OrganisedOrMultipleAbuse</c> flag on one child, from one network (REF-13); append-only.</summary>
public sealed class OrganisedAbuseFlag
{
    private OrganisedAbuseFlag() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public Guid NetworkId { get; private init; }
    public DateTimeOffset SetAt { get; private init; }

    public static OrganisedAbuseFlag Set(Guid youngPersonId, OrganisedAbuseNetwork network, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        YoungPersonId = youngPersonId,
        NetworkId = network.Id,
        SetAt = at,
    };
}
