using Support.ServiceDefaults.Auth;

namespace Support.LeavingCare.Domain;

/// <summary>
/// A registered personal adviser (LC-03). The adviser's user id is the token subject they sign in with, so "their own"
/// alerts are found by it. The team and provider are recorded (LC-07: a change of provider keeps the history).
/// </summary>
public sealed class Adviser
{
    private Adviser() { }

    public Guid Id { get; private init; }
    public string UserId { get; private init; } = "";
    public string DisplayName { get; private init; } = "";
    public string Team { get; private init; } = "";
    public string Provider { get; private init; } = "";
    public string RegisteredBy { get; private init; } = "";
    public DateTimeOffset RegisteredAt { get; private init; }

    public static Adviser Register(string userId, string displayName, string team, string provider, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        UserId = userId,
        DisplayName = displayName,
        Team = team,
        Provider = provider,
        RegisteredBy = author.UserId,
        RegisteredAt = author.At,
    };
}

/// <summary>
/// LC-07: "The service was brought back in house as of the 1st April 2014" (Casey, L1712). An adviser (or a whole
/// team) moving to another provider keeps every record (allocations, contacts and alerts stay with the adviser) and
/// adds this entry: from which provider to which, from when and why. Append-only; the latest is the provider now.
/// </summary>
public sealed class AdviserProviderChange
{
    private AdviserProviderChange() { }

    public Guid Id { get; private init; }
    public Guid AdviserId { get; private init; }
    /// <summary>1 for the first change; unique per adviser, so two changes at once cannot both apply.</summary>
    public int Number { get; private init; }
    public string FromProvider { get; private init; } = "";
    public string ToProvider { get; private init; } = "";
    public DateOnly EffectiveOn { get; private init; }
    public string Reason { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";

    public static AdviserProviderChange Record(Adviser adviser, int number, string from, string to, DateOnly effectiveOn, string reason, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        AdviserId = adviser.Id,
        Number = number,
        FromProvider = from,
        ToProvider = to,
        EffectiveOn = effectiveOn,
        Reason = reason,
        RecordedAt = author.At,
        RecordedBy = author.UserId,
    };
}

/// <summary>One allocation of an adviser to a young person; append-only history beside the picture's current adviser.</summary>
public sealed class AdviserAllocation
{
    private AdviserAllocation() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public Guid AdviserId { get; private init; }
    public string AdviserUserId { get; private init; } = "";
    public string? PreviousAdviserUserId { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }

    public static AdviserAllocation Record(Guid youngPersonId, Adviser adviser, string? previous, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        YoungPersonId = youngPersonId,
        AdviserId = adviser.Id,
        AdviserUserId = adviser.UserId,
        PreviousAdviserUserId = previous,
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
        RecordedAt = author.At,
    };
}
