namespace Support.SupportLine.Domain;

public enum ConversationKind
{
    /// <summary>Someone not yet identified (SL-05): no registration is asked for.</summary>
    Anonymous,
    /// <summary>A known young person, from a number on their record (OUT-07).</summary>
    YoungPerson,
    /// <summary>A parent or carer (SL-09): the duty worker can turn their report into a referral.</summary>
    ParentOrCarer,
}

public enum ConversationStatus
{
    Open,
    Closed,
}

/// <summary>
/// One person's texts with the line, open until a worker closes it with a reason. It carries the wait a person must
/// answer (SL-02): <see cref="AwaitingReplySince"/> is the first unanswered inbound text, cleared by a worker's reply.
/// </summary>
public sealed class Conversation
{
    private Conversation() { }

    public Guid Id { get; private init; }
    public string Phone { get; private init; } = "";
    public ConversationKind Kind { get; private set; }
    public Guid? YoungPersonId { get; private set; }
    /// <summary>The worker it is routed to; null means the duty worker (OUT-07 falls back to duty).</summary>
    public string? AssignedTo { get; private set; }
    public TriageCategory Urgency { get; private set; }
    public bool Discreet { get; private set; }
    public ConversationStatus Status { get; private set; }
    public DateTimeOffset OpenedAt { get; private init; }
    public DateTimeOffset LastInboundAt { get; private set; }
    public DateTimeOffset? AwaitingReplySince { get; private set; }
    /// <summary>When the current wait was escalated to the duty manager (once per wait, SL-02).</summary>
    public DateTimeOffset? EscalatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public string? CloseReason { get; private set; }

    public static Conversation Open(Guid id, string phone, ConversationKind kind, Guid? youngPersonId, string? assignedTo, bool discreet, DateTimeOffset at) =>
        new()
        {
            Id = id, Phone = phone, Kind = kind, YoungPersonId = youngPersonId, AssignedTo = assignedTo, Discreet = discreet,
            Status = ConversationStatus.Open, OpenedAt = at, LastInboundAt = at, Urgency = TriageCategory.Other,
        };

    /// <summary>Records an inbound text; returns true when it raised the urgency to immediate danger.</summary>
    public bool Receive(TriageCategory category, DateTimeOffset at)
    {
        LastInboundAt = at;
        if (AwaitingReplySince is null)
        {
            AwaitingReplySince = at;
            EscalatedAt = null;
        }
        var becameDanger = category == TriageCategory.ImmediateDanger && Urgency != TriageCategory.ImmediateDanger;
        if (category > Urgency)
        {
            Urgency = category;
        }
        return becameDanger;
    }

    /// <summary>A person answered: the wait ends; returns how long it was, when there was one.</summary>
    public TimeSpan? Answered(DateTimeOffset at)
    {
        if (AwaitingReplySince is not { } since)
        {
            return null;
        }
        AwaitingReplySince = null;
        EscalatedAt = null;
        return at - since;
    }

    public bool MarkEscalated(DateTimeOffset at)
    {
        if (EscalatedAt is not null || AwaitingReplySince is null || Status != ConversationStatus.Open)
        {
            return false;
        }
        EscalatedAt = at;
        return true;
    }

    public void AssignTo(string? userId) => AssignedTo = userId;

    public void IdentifyAs(ConversationKind kind, Guid? youngPersonId)
    {
        Kind = kind;
        YoungPersonId = youngPersonId;
    }

    public void Close(string by, string reason, DateTimeOffset at)
    {
        Status = ConversationStatus.Closed;
        ClosedBy = by;
        CloseReason = reason;
        ClosedAt = at;
        AwaitingReplySince = null;
    }
}
