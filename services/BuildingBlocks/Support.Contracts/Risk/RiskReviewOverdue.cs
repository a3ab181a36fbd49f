using MassTransit;

namespace Support.Contracts.Risk;

/// <summary>A risk review passed its due time without being completed (REF-16). Published once per review.</summary>
[MessageUrn("support:referrals:risk-review-overdue:v1")]
public sealed record RiskReviewOverdue
{
    public required Guid ReviewId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
