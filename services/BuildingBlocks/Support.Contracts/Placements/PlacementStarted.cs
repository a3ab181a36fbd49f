using MassTransit;

namespace Support.Contracts.Placements;

/// <summary>
/// A child's placement began (REF-26); the previous one, if any, ended on the same day. For a residential setting,
/// <see cref="MatchingAssessmentId"/> names the approved matching assessment when a resident's risk to others matched.
/// </summary>
[MessageUrn("support:placements:placement-started:v1")]
public sealed record PlacementStarted
{
    public required Guid PlacementId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required PlacementType Type { get; init; }
    public required PlacementReason Reason { get; init; }
    /// <summary>The home or unit, as the council names it.</summary>
    public required string Setting { get; init; }
    public required DateOnly StartedOn { get; init; }
    public DateOnly? ReviewBy { get; init; }
    public Guid? PreviousPlacementId { get; init; }
    public Guid? MatchingAssessmentId { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>A child's placement ended without a next one recorded (REF-26), with the reason.</summary>
[MessageUrn("support:placements:placement-ended:v1")]
public sealed record PlacementEnded
{
    public required Guid PlacementId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required PlacementReason Reason { get; init; }
    public required DateOnly EndedOn { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>
/// A young person was recorded as posing a risk to other children (REF-26, Imray §4.7, Child E), so that admissions to
/// where they live are matched against it. The description stays in Referrals.
/// </summary>
[MessageUrn("support:placements:risk-to-others-recorded:v1")]
public sealed record RiskToOthersRecorded
{
    public required Guid FlagId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
