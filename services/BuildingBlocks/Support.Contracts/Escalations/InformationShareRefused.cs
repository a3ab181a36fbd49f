using MassTransit;

namespace Support.Contracts.Escalations;

/// <summary>
/// REC-11 ("'Data protection' is never a silent reason to withhold"): a request to share information about a young
/// person was refused, and the refusal was recorded with its reason, which anyone may escalate (REF-21). The reason
/// stays in Referrals; the event says who asked and who refused.
/// </summary>
[MessageUrn("support:escalations:information-share-refused:v1")]
public sealed record InformationShareRefused
{
    public required Guid RefusalId { get; init; }
    public required Guid YoungPersonId { get; init; }
    /// <summary>The organisation or team that asked (for example "South Yorkshire Police CSE team").</summary>
    public required string RequestedBy { get; init; }
    public required string RecordedBy { get; init; }
    public required string RecordedByRole { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
