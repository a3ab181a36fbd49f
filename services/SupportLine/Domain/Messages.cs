namespace Support.SupportLine.Domain;

/// <summary>What an inbound text turned out to be.</summary>
public enum InboundPurpose
{
    Conversation,
    WorkerContact,
    WorkerContactRejected,
    OptOut,
    OptIn,
    Help,
}

/// <summary>
/// An inbound text exactly as Twilio delivered it. <see cref="TwilioSid"/> is unique: Twilio may deliver the same
/// message twice and the second changes nothing. Never updated after it is stored, except for the worker's marking of
/// it as the young person's views (SL-07).
/// </summary>
public sealed class InboundSms
{
    public Guid Id { get; init; }
    public required string TwilioSid { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public required string Body { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public InboundPurpose Purpose { get; init; }
    public Guid? ConversationId { get; init; }
    public TriageCategory Category { get; init; }
    public string TriageVersion { get; init; } = TriageTable.Version;
    public List<string> MatchedRules { get; init; } = [];
    /// <summary>The LogOutreachContact command id, for a worker's contact text.</summary>
    public Guid? ContactCommandId { get; init; }
    public DateTimeOffset? MarkedAsViewsAt { get; set; }
    public string? MarkedAsViewsBy { get; set; }
}

public enum DeliveryStatus
{
    /// <summary>Stored, not yet handed to Twilio.</summary>
    Pending = 0,
    Queued = 1,
    Sending = 2,
    Sent = 3,
    Delivered = 4,
    Undelivered = 5,
    Failed = 6,
    /// <summary>Never sent: the number opted out (nothing is ever sent to an opted-out number).</summary>
    Blocked = 7,
}

public enum OutboundKind
{
    AutoReply,
    WorkerReply,
    Requested,
    /// <summary>A worker's text to a young person's number, not in answer to them (SL-03: safety checks first).</summary>
    WorkerText,
}

/// <summary>
/// A text we send. Stored first (in the same transaction as whatever caused it) and handed to Twilio by the dispatcher,
/// so every outbound text has a record and, once accepted, a SID that status callbacks move forward (twilio.md §3).
/// </summary>
public sealed class OutboundSms
{
    public Guid Id { get; init; }
    public Guid? ConversationId { get; init; }
    public required string To { get; init; }
    public required string Body { get; init; }
    public OutboundKind Kind { get; init; }
    public required string RequestedBy { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    /// <summary>The idempotency key of a SendSms command.</summary>
    public Guid? CommandId { get; init; }
    public DeliveryStatus Status { get; private set; }
    public string? TwilioSid { get; private set; }
    public int? ErrorCode { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? StatusChangedAt { get; private set; }
    /// <summary>Held outside the young person's safe times (SL-03): not handed to Twilio before this instant.</summary>
    public DateTimeOffset? NotBefore { get; private set; }

    private static int Rank(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => 0,
        DeliveryStatus.Queued => 1,
        DeliveryStatus.Sending => 2,
        DeliveryStatus.Sent => 3,
        _ => 4,
    };

    public static bool IsFinal(DeliveryStatus status) => Rank(status) == 4;

    public void Accepted(string? sid, DeliveryStatus status, DateTimeOffset at)
    {
        TwilioSid = sid;
        Attempts++;
        Status = status is DeliveryStatus.Pending ? DeliveryStatus.Queued : status;
        StatusChangedAt = at;
    }

    public void Refused(DeliveryStatus status, int? errorCode, DateTimeOffset at)
    {
        Attempts++;
        Status = status;
        ErrorCode = errorCode;
        StatusChangedAt = at;
    }

    public void AttemptFailed() => Attempts++;

    /// <summary>Waits, still pending, for the young person's next safe time (SL-03); not an attempt.</summary>
    public void HoldUntil(DateTimeOffset instant) => NotBefore = instant;

    /// <summary>
    /// Moves the delivery state forward only (queued → sending → sent → delivered/undelivered/failed): callbacks
    /// arrive late and out of order and never move it back, and a final state never changes. Returns false when ignored.
    /// </summary>
    public bool Advance(DeliveryStatus status, int? errorCode, DateTimeOffset at)
    {
        if (IsFinal(Status) || Rank(status) <= Rank(Status))
        {
            return false;
        }
        Status = status;
        ErrorCode = errorCode ?? ErrorCode;
        StatusChangedAt = at;
        return true;
    }
}
