using System.Text.RegularExpressions;
using Support.ServiceDefaults.Auth;

namespace Support.LeavingCare.Domain;

/// <summary>Addresses are compared on a normal form: upper case, letters and digits only, single spaces.</summary>
public static partial class AddressKey
{
    public static string Normalise(string value) => Spaces().Replace(NonAlphanumeric().Replace(value.ToUpperInvariant(), " "), " ").Trim();

    [GeneratedRegex("[^A-Z0-9]")]
    private static partial Regex NonAlphanumeric();

    [GeneratedRegex(" +")]
    private static partial Regex Spaces();
}

/// <summary>
/// An address flagged in intelligence or at a strategy meeting as a CSE risk (LC-05). Recorded here by managers, because
/// strategy meetings do not publish addresses. Append-only.
/// </summary>
public sealed class FlaggedAddress
{
    private FlaggedAddress() { }

    public Guid Id { get; private init; }
    public string Address { get; private init; } = "";
    public string Postcode { get; private init; } = "";
    public string AddressKey { get; private init; } = "";
    public string PostcodeKey { get; private init; } = "";
    /// <summary><c>Intelligence</c> or <c>StrategyMeeting</c>.</summary>
    public string Source { get; private init; } = "";
    public string Reason { get; private init; } = "";
    public string RecordedBy { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }

    public static FlaggedAddress Record(string address, string postcode, string source, string reason, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        Address = address,
        Postcode = postcode,
        AddressKey = Domain.AddressKey.Normalise(address),
        PostcodeKey = Domain.AddressKey.Normalise(postcode),
        Source = source,
        Reason = reason,
        RecordedBy = author.UserId,
        RecordedAt = author.At,
    };
}

/// <summary>
/// A proposed address for a 16-25 year old, checked against flagged addresses and unsuitable placement types (LC-05;
/// Casey-I, "all adult women hostel, no staff at weekends or evenings"). A match needs a manager's recorded decision
/// (<see cref="AccommodationDecision"/>). Append-only.
/// </summary>
public sealed class AccommodationCheck
{
    private AccommodationCheck() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public string Address { get; private init; } = "";
    public string Postcode { get; private init; } = "";
    public string PlacementType { get; private init; } = "";
    public bool AdultsOnly { get; private init; }
    public bool StaffedEveningsAndWeekends { get; private init; }
    /// <summary>Why the address needs a decision: flagged-address ids and placement concerns, as codes.</summary>
    public List<string> Matches { get; private init; } = [];
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }

    public bool NeedsDecision => Matches.Count > 0;

    public static AccommodationCheck Record(Guid youngPersonId, string address, string postcode, string placementType, bool adultsOnly,
        bool staffed, IReadOnlyList<string> matches, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        YoungPersonId = youngPersonId,
        Address = address,
        Postcode = postcode,
        PlacementType = placementType,
        AdultsOnly = adultsOnly,
        StaffedEveningsAndWeekends = staffed,
        Matches = [.. matches],
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
        RecordedAt = author.At,
    };
}

/// <summary>A manager's decision on a matched accommodation check (LC-05). One per check (unique), append-only.</summary>
public sealed class AccommodationDecision
{
    private AccommodationDecision() { }

    public Guid Id { get; private init; }
    public Guid CheckId { get; private init; }
    public bool Approved { get; private init; }
    public string Rationale { get; private init; } = "";
    public string DecidedBy { get; private init; } = "";
    public string DecidedByRole { get; private init; } = "";
    public DateTimeOffset DecidedAt { get; private init; }

    public static AccommodationDecision Record(Guid checkId, bool approved, string rationale, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        CheckId = checkId,
        Approved = approved,
        Rationale = rationale,
        DecidedBy = author.UserId,
        DecidedByRole = author.Role,
        DecidedAt = author.At,
    };
}
