using MassTransit;

namespace Support.Contracts.Referrals;

/// <summary>
/// A strategy-meeting action's due time was moved (COM-10): it has slipped. The original time stays what RAG is
/// judged against; <see cref="Deferrals"/> counts the moves so far.
/// </summary>
[MessageUrn("support:referrals:strategy-action-deferred:v1")]
public sealed record StrategyActionDeferred
{
    public required Guid ActionId { get; init; }
    public required Guid MeetingId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required DateTimeOffset OriginalDueAt { get; init; }
    public required DateTimeOffset FromDueAt { get; init; }
    public required DateTimeOffset ToDueAt { get; init; }
    public required int Deferrals { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
