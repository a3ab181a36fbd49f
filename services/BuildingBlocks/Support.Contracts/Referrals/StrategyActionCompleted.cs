using MassTransit;

namespace Support.Contracts.Referrals;

/// <summary>A strategy-meeting action was completed (REF-11: every action is tracked until done).</summary>
[MessageUrn("support:referrals:strategy-action-completed:v1")]
public sealed record StrategyActionCompleted
{
    public required Guid ActionId { get; init; }
    public required Guid MeetingId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required bool CompletedLate { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
