namespace Support.Messaging.Outbox;

/// <summary>
/// A message waiting to be published, written in the same transaction as the state change that caused it. The row
/// id becomes the message's MessageId, so a row published twice (a crash between publish and mark) carries the same
/// id both times and the consumer's inbox absorbs the duplicate.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }
    /// <summary>Insertion order; the relay publishes in this order.</summary>
    public long Sequence { get; init; }
    /// <summary>The contract's URN (<c>[MessageUrn]</c>), not a CLR name, so types can move without stranding rows.</summary>
    public required string MessageType { get; init; }
    public required string Payload { get; init; }
    public string? CorrelationId { get; init; }
    public string? TraceParent { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}
