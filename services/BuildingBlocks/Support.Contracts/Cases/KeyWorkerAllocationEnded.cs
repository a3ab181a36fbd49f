using MassTransit;

namespace Support.Contracts.Cases;

/// <summary>
/// A case's key worker stopped holding it with no successor (REF-23): the case is unallocated from
/// <see cref="OccurredAt"/> and shows on the unallocated list. The reason stays in Referrals.
/// </summary>
[MessageUrn("support:cases:key-worker-allocation-ended:v1")]
public sealed record KeyWorkerAllocationEnded
{
    public required Guid CaseId { get; init; }
    public required Guid YoungPersonId { get; init; }
    /// <summary>Who held the case until now.</summary>
    public required string KeyWorker { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
