using MassTransit;

namespace Support.Contracts.Escalations;

/// <summary>REF-21: the reviewer stored the written response, which closes the escalation.</summary>
[MessageUrn("support:escalations:professional-escalation-answered:v1")]
public sealed record ProfessionalEscalationAnswered
{
    public required Guid EscalationId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required EscalationOutcome Outcome { get; init; }
    /// <summary>True when the response came after its deadline (it is still stored, never refused).</summary>
    public required bool Late { get; init; }
    public required string RecordedBy { get; init; }
    public required string RecordedByRole { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
