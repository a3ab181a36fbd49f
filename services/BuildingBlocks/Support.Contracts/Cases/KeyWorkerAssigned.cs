using MassTransit;

namespace Support.Contracts.Cases;

/// <summary>A case's key worker changed; the previous allocation ended at the same instant (REF-24).</summary>
[MessageUrn("support:referrals:key-worker-assigned:v1")]
public sealed record KeyWorkerAssigned
{
    public required Guid CaseId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required string KeyWorker { get; init; }
    public string? PreviousKeyWorker { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
