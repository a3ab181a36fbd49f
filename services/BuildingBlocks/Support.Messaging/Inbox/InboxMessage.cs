namespace Support.Messaging.Inbox;

/// <summary>A message a consumer has already applied; the key (consumer, message id) makes a redelivery a no-op.</summary>
public sealed class InboxMessage
{
    public required string Consumer { get; init; }
    public required Guid MessageId { get; init; }
    public required DateTimeOffset ProcessedAt { get; init; }
}
