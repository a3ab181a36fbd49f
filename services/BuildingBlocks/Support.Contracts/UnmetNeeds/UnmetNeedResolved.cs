using MassTransit;

namespace Support.Contracts.UnmetNeeds;

/// <summary>
/// A need recorded as unmet (<see cref="UnmetNeedRecorded"/>) has been met (COM-05): the alternative chosen after a
/// therapy decline was accepted (THR-01), or a young person whose wait breached 18 weeks was seen (THR-02). The ledger
/// keeps the need with the date it was resolved, so its duration stops growing; it is never removed.
/// </summary>
[MessageUrn("support:unmet-needs:unmet-need-resolved:v1")]
public sealed record UnmetNeedResolved
{
    public required Guid UnmetNeedId { get; init; }
    public required Guid YoungPersonId { get; init; }
    /// <summary>The London date the need was met.</summary>
    public required DateOnly ResolvedOn { get; init; }
    /// <summary>The service that resolved it, such as <c>therapy</c>.</summary>
    public required string ResolvedByService { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
