using MassTransit;

namespace Support.Contracts.Escalations;

/// <summary>REF-21: no written response by the deadline; announced once, and the escalation stays open.</summary>
[MessageUrn("support:escalations:professional-escalation-response-overdue:v1")]
public sealed record ProfessionalEscalationResponseOverdue
{
    public required Guid EscalationId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required DateTimeOffset RespondBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
