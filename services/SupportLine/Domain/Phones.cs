namespace Support.SupportLine.Domain;

/// <summary>An outreach worker's phone, registered by a duty manager: texts from it are read as contact logs (OUT-01).</summary>
public sealed class WorkerPhone
{
    public required string Phone { get; init; }
    public required string WorkerUserId { get; init; }
    public required string RegisteredBy { get; init; }
    public DateTimeOffset RegisteredAt { get; init; }
}

/// <summary>
/// One of a young person's numbers (SL-04: a young person may have several). Texts from it join their conversation,
/// routed to their own outreach worker (OUT-07). Outbound texts go only to a confirmed number, or to one a duty
/// manager recorded a safety decision for (SL-03). <see cref="Discreet"/>: texts never name the service.
/// </summary>
public sealed class YoungPersonPhone
{
    public required string Phone { get; init; }
    public Guid YoungPersonId { get; init; }
    public string? OutreachWorkerUserId { get; set; }
    public bool Discreet { get; set; } = true;
    public bool Confirmed { get; set; }
    public string? SafetyDecisionBy { get; set; }
    public DateTimeOffset? SafetyDecisionAt { get; set; }
    public string? SafetyDecisionRationale { get; set; }
    public required string RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }

    public bool MayBeTexted => Confirmed || SafetyDecisionAt is not null;
}

/// <summary>A parent's or carer's number (SL-09): their texts open a conversation the duty worker can refer from.</summary>
public sealed class CarerPhone
{
    public required string Phone { get; init; }
    public required string RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}

/// <summary>A number that texted STOP (or made Twilio answer 21610): nothing is sent to it until START.</summary>
public sealed class OptOut
{
    public required string Phone { get; init; }
    public DateTimeOffset OptedOutAt { get; init; }
    public required string Source { get; init; }
}

public enum AlertKind
{
    DangerToDutyWorker,
    DangerToPoliceLiaison,
    UnansweredToDutyManager,
}

/// <summary>An alert for the duty inbox: immediate danger (SL-03) or an unanswered wait (SL-02).</summary>
public sealed class Alert
{
    public Guid Id { get; init; }
    public Guid ConversationId { get; init; }
    public Guid? InboundSmsId { get; init; }
    public AlertKind Kind { get; init; }
    public DateTimeOffset RaisedAt { get; init; }
    public required string Reason { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
}

/// <summary>How long a text waited for a person (SL-02, OUT-07): recorded for every answered wait, never hidden.</summary>
public sealed class ResponseTime
{
    public Guid Id { get; init; }
    public Guid ConversationId { get; init; }
    public DateTimeOffset WaitingSince { get; init; }
    public DateTimeOffset AnsweredAt { get; init; }
    public required string AnsweredBy { get; init; }
    public double Seconds { get; init; }
}

/// <summary>
/// SL-04: a number a texter reported as a perpetrator's. Intelligence, never a contact: no register accepts it and
/// nothing is ever sent to it.
/// </summary>
public sealed class ReportedNumber
{
    public Guid Id { get; init; }
    public required string Phone { get; init; }
    public Guid ConversationId { get; init; }
    public required string Description { get; init; }
    public required string ReportedBy { get; init; }
    public DateTimeOffset ReportedAt { get; init; }
}
