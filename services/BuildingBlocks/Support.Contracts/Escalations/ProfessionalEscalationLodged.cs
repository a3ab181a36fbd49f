using MassTransit;

namespace Support.Contracts.Escalations;

/// <summary>
/// REF-21 (Imray §4.2: one escalation in 15 cases; Casey L1626: "nothing happened to that case for three weeks"): a
/// professional lodged an escalation against a decision about a young person. It goes to a reviewer above the
/// decision-maker and stays open until a written response is stored. Codes and ids only: the concern stays in Referrals.
/// </summary>
[MessageUrn("support:escalations:professional-escalation-lodged:v1")]
public sealed record ProfessionalEscalationLodged
{
    public required Guid EscalationId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required EscalatedDecisionKind DecisionKind { get; init; }
    /// <summary>The lowest role that may answer it: <c>TeamManager</c> (or above), or <c>SeniorManager</c> when a manager made the decision.</summary>
    public required string ReviewerRole { get; init; }
    public required DateTimeOffset RespondBy { get; init; }
    public required string RecordedBy { get; init; }
    public required string RecordedByRole { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
