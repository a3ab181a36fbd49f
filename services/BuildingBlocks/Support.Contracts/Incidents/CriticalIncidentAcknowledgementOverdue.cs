using MassTransit;

namespace Support.Contracts.Incidents;

/// <summary>
/// REF-22: nobody acknowledged a critical incident by its deadline; it escalates (announced once, never silent).
/// </summary>
[MessageUrn("support:incidents:critical-incident-acknowledgement-overdue:v1")]
public sealed record CriticalIncidentAcknowledgementOverdue
{
    public required Guid IncidentId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required CriticalIncidentKind Kind { get; init; }
    public required DateTimeOffset AcknowledgeBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
