using MassTransit;

namespace Support.Contracts.Incidents;

/// <summary>REF-22: a senior manager acknowledged a critical incident.</summary>
[MessageUrn("support:incidents:critical-incident-acknowledged:v1")]
public sealed record CriticalIncidentAcknowledged
{
    public required Guid IncidentId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required CriticalIncidentKind Kind { get; init; }
    /// <summary>True when the acknowledgement came after the deadline (it is still recorded, never refused).</summary>
    public required bool Late { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
