using MassTransit;

namespace Support.Contracts.Referrals;

/// <summary>
/// An action agreed at a strategy meeting for one child is not done by its due time (REF-11). Published once per
/// action. No description: the meeting's own record (and the child's chronology) says what was agreed.
/// </summary>
[MessageUrn("support:referrals:strategy-action-overdue:v1")]
public sealed record StrategyActionOverdue
{
    public required Guid ActionId { get; init; }
    public required Guid MeetingId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
