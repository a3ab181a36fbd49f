using Support.Contracts.Escalations;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Escalations;

/// <summary>
/// REC-11: a request to share information about a young person that was refused, with its reason, so "data
/// protection" is never a silent reason to withhold (Casey L1696: police made to wait for the FOI team). Append-only;
/// anyone may escalate it (REF-21), and the escalation names whoever refused as the decision-maker.
/// </summary>
public sealed class ShareRefusal
{
    private ShareRefusal() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    /// <summary>The organisation or team that asked.</summary>
    public string RequestedBy { get; private init; } = "";
    /// <summary>What they asked for.</summary>
    public string InformationRequested { get; private init; } = "";
    /// <summary>Why it was refused: required, never blank.</summary>
    public string Reason { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";

    public string Reference => $"share-refusal:{Id}";

    public static ShareRefusal Record(Guid youngPersonId, string requestedBy, string informationRequested, string reason, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        YoungPersonId = youngPersonId,
        RequestedBy = requestedBy.Trim(),
        InformationRequested = informationRequested.Trim(),
        Reason = reason.Trim(),
        RecordedAt = author.At.ToUniversalTime(),
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
    };

    public InformationShareRefused Announced() => new()
    {
        RefusalId = Id,
        YoungPersonId = YoungPersonId,
        RequestedBy = RequestedBy,
        RecordedBy = RecordedBy,
        RecordedByRole = RecordedByRole,
        OccurredAt = RecordedAt,
    };
}
