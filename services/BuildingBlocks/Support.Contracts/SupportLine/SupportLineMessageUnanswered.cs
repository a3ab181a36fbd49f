using MassTransit;

namespace Support.Contracts.SupportLine;

/// <summary>
/// A text waited longer than the response target without a person answering (SL-02): escalated to the duty manager,
/// once per wait.
/// </summary>
[MessageUrn("support:supportline:message-unanswered:v1")]
public sealed record SupportLineMessageUnanswered
{
    public required Guid ConversationId { get; init; }
    public Guid? YoungPersonId { get; init; }
    public required DateTimeOffset WaitingSince { get; init; }
    public required TimeSpan Target { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
