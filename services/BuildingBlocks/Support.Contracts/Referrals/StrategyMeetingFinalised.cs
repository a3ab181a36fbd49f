using MassTransit;

namespace Support.Contracts.Referrals;

/// <summary>
/// A strategy meeting record was finalised (REF-11). Decisions and actions are given per child so that each child's
/// chronology gets its own (REF-12); a meeting about several children names them all.
/// </summary>
[MessageUrn("support:referrals:strategy-meeting-finalised:v1")]
public sealed record StrategyMeetingFinalised
{
    public required Guid MeetingId { get; init; }
    public required DateTimeOffset HeldAt { get; init; }
    public required string ChairId { get; init; }
    public required string ChairGrade { get; init; }
    public required bool OrganisedOrMultipleAbuse { get; init; }
    public required IReadOnlyList<StrategyMeetingChild> Children { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>One child's decisions and actions from a strategy meeting.</summary>
public sealed record StrategyMeetingChild
{
    public required Guid YoungPersonId { get; init; }
    public required IReadOnlyList<string> Decisions { get; init; }
    public required IReadOnlyList<StrategyMeetingAction> Actions { get; init; }
}

/// <summary>An action agreed at a strategy meeting, with its owner and due time (REF-11).</summary>
public sealed record StrategyMeetingAction
{
    public required Guid ActionId { get; init; }
    public required string Description { get; init; }
    public required string Owner { get; init; }
    public required DateTimeOffset DueAt { get; init; }
}
