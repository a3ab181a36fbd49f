using MassTransit;

namespace Support.Contracts.Risk;

/// <summary>
/// A young person's CSE risk level was set or changed by a risk assessment or review (REF-14, REF-15). The first
/// assessment has no <see cref="PreviousLevel"/>. A downgrade always carries the approving manager.
/// </summary>
[MessageUrn("support:referrals:risk-level-changed:v1")]
public sealed record RiskLevelChanged
{
    public required Guid YoungPersonId { get; init; }
    /// <summary>The assessment or review that set the level.</summary>
    public required Guid SourceId { get; init; }
    public RiskLevel? PreviousLevel { get; init; }
    public required RiskLevel NewLevel { get; init; }
    /// <summary>The level the versioned rule table suggested from the indicators.</summary>
    public required RiskLevel SuggestedLevel { get; init; }
    /// <summary>The indicators that produced the suggested level.</summary>
    public required IReadOnlyList<RiskIndicator> Indicators { get; init; }
    public required string RuleTableVersion { get; init; }
    public required bool IsDowngrade { get; init; }
    public string? ApprovedBy { get; init; }
    public required string RecordedBy { get; init; }
    public required string RecordedByRole { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
