using MassTransit;

namespace Support.Contracts.Risk;

/// <summary>A risk review was completed with a level, a rationale and actions (REF-16).</summary>
[MessageUrn("support:referrals:risk-review-completed:v1")]
public sealed record RiskReviewCompleted
{
    public required Guid ReviewId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required RiskLevel Level { get; init; }
    public required int ActionCount { get; init; }
    public required bool CompletedLate { get; init; }
    public required string RecordedBy { get; init; }
    public required string RecordedByRole { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
