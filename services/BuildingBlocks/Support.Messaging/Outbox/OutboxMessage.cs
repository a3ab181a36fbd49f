namespace Support.Messaging.Outbox;

/// <summary>
/// A message waiting to be published, written in the same transaction as the state change that caused it. The row
/// id becomes the message's MessageId, so a row published twice (a crash between publish and mark) carries the same
/// id both times and the consumer's inbox absorbs the duplicate.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }
    /// <summary>
    /// Insertion order within one database. The relay claims rows oldest first, but several replicas, retries and
    /// commit order mean consumers never get an ordering guarantee: they use versions where order matters.
    /// </summary>
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
    /// <summary>
    /// Set aside: the row failed permanently (its type is unknown or its payload unreadable) or failed on its own more
    /// than <see cref="OutboxRelayOptions.MaxAttempts"/> times. The relay skips it, it is reported on
    /// <c>/health/ready</c> and as <c>support.outbox.dead</c>, and an operator re-queues it once the cause is fixed.
    /// </summary>
    public DateTimeOffset? DeadAt { get; set; }

    internal void SetAside(DateTimeOffset at, string error)
    {
        DeadAt = at;
        LastError = error.Length <= 2000 ? error : error[..2000];
    }

    /// <summary>An operator's re-queue: the row is pending again, due at once, with a fresh count of attempts.</summary>
    internal void Requeue(DateTimeOffset at)
    {
        DeadAt = null;
        Attempts = 0;
        NextAttemptAt = at;
    }
}
