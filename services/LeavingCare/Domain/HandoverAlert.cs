namespace Support.LeavingCare.Domain;

public static class AlertKinds
{
    /// <summary>LC-01: HandoverAlertLead (90 days) before the 18th birthday, to the adviser or the team's queue.</summary>
    public const string Handover = nameof(Handover);
    /// <summary>LC-01: 30 days before the 18th birthday with no adviser allocated, to a team manager.</summary>
    public const string Escalated = nameof(Escalated);
    /// <summary>LC-03, LC-04: no contact for KeepInTouchInterval (8 weeks).</summary>
    public const string KeepInTouch = nameof(KeepInTouch);
    /// <summary>LC-01: an alert nobody acknowledged in AlertAcknowledgementWorkingDays, to the team manager ("Unacknowledged" + the kind).</summary>
    public const string UnacknowledgedPrefix = "Unacknowledged";
}

public static class AlertQueues
{
    public const string Adviser = nameof(Adviser);
    public const string LeavingCareTeam = nameof(LeavingCareTeam);
    public const string TeamManager = nameof(TeamManager);
}

/// <summary>
/// An alert raised by <c>AlertEngine</c> (LC-01, LC-03). Created exactly once per (young person, kind, due date) by a
/// unique index, whichever of the daily job or an event-driven check gets there first. The handover pack is not
/// frozen in the row: it is read from the living picture when the alert is opened, so it always shows the current
/// risk level. The only change to a row is its acknowledgement.
/// </summary>
public sealed class HandoverAlert
{
    private HandoverAlert() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public string Kind { get; private init; } = "";
    /// <summary>The date the alert is about: the 18th birthday for handover alerts, the contact due date for keep-in-touch.</summary>
    public DateOnly DueOn { get; private init; }
    /// <summary>The adviser's user id, or null when the alert went to a queue.</summary>
    public string? Recipient { get; private init; }
    public string Queue { get; private init; } = "";
    public DateTimeOffset RaisedAt { get; private init; }
    public string? AcknowledgedBy { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }

    /// <summary>When the missed acknowledgement was escalated to the team manager; set once.</summary>
    public DateTimeOffset? EscalatedAt { get; private set; }

    /// <summary>LC-01 "An alert that is not acknowledged escalates": overdue from the first instant after the deadline.</summary>
    public bool AcknowledgementOverdueAt(DateTimeOffset now, int workingDays) =>
        AcknowledgedAt is null && now > Support.ServiceDefaults.Time.WorkingDays.Add(RaisedAt, workingDays);

    /// <summary>
    /// Marks this alert escalated and returns the team manager's alert about it, or null when it was acknowledged, is not
    /// overdue, was already escalated or already went to a team manager.
    /// </summary>
    public HandoverAlert? EscalateIfOverdue(DateTimeOffset now, int workingDays)
    {
        if (EscalatedAt is not null || Queue == AlertQueues.TeamManager || !AcknowledgementOverdueAt(now, workingDays))
        {
            return null;
        }
        EscalatedAt = now.ToUniversalTime();
        return new HandoverAlert
        {
            Id = Guid.CreateVersion7(now),
            YoungPersonId = YoungPersonId,
            Kind = AlertKinds.UnacknowledgedPrefix + Kind,
            DueOn = DueOn,
            Recipient = null,
            Queue = AlertQueues.TeamManager,
            RaisedAt = now.ToUniversalTime(),
        };
    }

    /// <summary>Returns false when it was already acknowledged.</summary>
    public bool Acknowledge(string userId, DateTimeOffset now)
    {
        if (AcknowledgedAt is not null)
        {
            return false;
        }
        (AcknowledgedBy, AcknowledgedAt) = (userId, now);
        return true;
    }
}
