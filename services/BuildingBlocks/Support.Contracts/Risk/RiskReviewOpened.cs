using MassTransit;

namespace Support.Contracts.Risk;

/// <summary>A risk review was opened, automatically from a trigger event or by hand (REF-16).</summary>
[MessageUrn("support:referrals:risk-review-opened:v1")]
public sealed record RiskReviewOpened
{
    public required Guid ReviewId { get; init; }
    public required Guid YoungPersonId { get; init; }
    /// <summary>The trigger's name, such as <c>ReturnInterviewCompleted</c> or <c>Manual</c>.</summary>
    public required string Trigger { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
