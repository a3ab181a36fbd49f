using Support.Contracts.Incidents;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.CriticalIncidents;

/// <summary>
/// REF-22 (Imray §4.7, Child E: "no obvious references to senior managers being alerted"): a critical incident in the
/// senior-manager queue. It is acknowledged once, by a senior manager, by <see cref="AcknowledgeBy"/>; an incident not
/// acknowledged by then is escalated once (<see cref="EscalatedAt"/>). The incident row itself never changes except
/// for that escalation mark; the acknowledgement is its own append-only row.
/// </summary>
public sealed class CriticalIncident
{
    private CriticalIncident() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public CriticalIncidentKind Kind { get; private init; }
    public string SourceService { get; private init; } = "";
    /// <summary>The record that shows the incident; one incident per (service, reference, kind) however often it is delivered.</summary>
    public string SourceReference { get; private init; } = "";
    /// <summary>When it happened (COM-09: the user's time), which may be before it was raised.</summary>
    public DateTimeOffset IncidentAt { get; private init; }
    /// <summary>When it was raised (the source service's clock, never later than ours); the deadline runs from here.</summary>
    public DateTimeOffset RaisedAt { get; private init; }
    public DateTimeOffset AcknowledgeBy { get; private init; }
    /// <summary>What the worker who recorded it here said; incidents from other services keep their text there.</summary>
    public string? Summary { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";
    /// <summary>When the missed acknowledgement was escalated; set once, so it is announced once.</summary>
    public DateTimeOffset? EscalatedAt { get; private set; }

    /// <summary>Overdue from the first instant after the deadline (an acknowledgement at the deadline itself is in time).</summary>
    public bool IsOverdueAt(DateTimeOffset now, bool acknowledged) => !acknowledged && now > AcknowledgeBy;

    public static CriticalIncident Raise(
        Guid id, Guid youngPersonId, CriticalIncidentKind kind, string sourceService, string sourceReference,
        DateTimeOffset incidentAt, DateTimeOffset raisedAt, AcknowledgementDeadline deadline, string? summary, Author author) => new()
    {
        Id = id,
        YoungPersonId = youngPersonId,
        Kind = kind,
        SourceService = sourceService,
        SourceReference = sourceReference,
        IncidentAt = incidentAt.ToUniversalTime(),
        RaisedAt = raisedAt.ToUniversalTime(),
        AcknowledgeBy = deadline.From(raisedAt).ToUniversalTime(),
        Summary = string.IsNullOrWhiteSpace(summary) ? null : summary.Trim(),
        RecordedAt = author.At.ToUniversalTime(),
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
    };

    /// <summary>Marks the escalation; false when the incident is acknowledged, not yet overdue or already escalated.</summary>
    public bool MarkEscalated(DateTimeOffset now, bool acknowledged)
    {
        if (!IsOverdueAt(now, acknowledged) || EscalatedAt is not null)
        {
            return false;
        }
        EscalatedAt = now.ToUniversalTime();
        return true;
    }

    /// <summary>The announcement of an incident raised in this service, at <paramref name="occurredAt"/>.</summary>
    public CriticalIncidentRaised Raised(DateTimeOffset occurredAt) => new()
    {
        IncidentId = Id,
        YoungPersonId = YoungPersonId,
        Kind = Kind,
        SourceService = SourceService,
        SourceReference = SourceReference,
        IncidentAt = IncidentAt,
        OccurredAt = occurredAt,
    };

    public CriticalIncidentAcknowledged Announced(CriticalIncidentAcknowledgement acknowledgement) => new()
    {
        IncidentId = Id,
        YoungPersonId = YoungPersonId,
        Kind = Kind,
        Late = acknowledgement.Late,
        OccurredAt = acknowledgement.AcknowledgedAt,
    };
}

/// <summary>A senior manager's acknowledgement of a critical incident (REF-22): one per incident, never changed.</summary>
public sealed class CriticalIncidentAcknowledgement
{
    private CriticalIncidentAcknowledgement() { }

    public Guid IncidentId { get; private init; }
    public string Note { get; private init; } = "";
    public bool Late { get; private init; }
    public DateTimeOffset AcknowledgedAt { get; private init; }
    public string AcknowledgedBy { get; private init; } = "";
    public string AcknowledgedByRole { get; private init; } = "";

    public static CriticalIncidentAcknowledgement Of(CriticalIncident incident, string note, Author seniorManager) => new()
    {
        IncidentId = incident.Id,
        Note = note.Trim(),
        Late = seniorManager.At > incident.AcknowledgeBy,
        AcknowledgedAt = seniorManager.At.ToUniversalTime(),
        AcknowledgedBy = seniorManager.UserId,
        AcknowledgedByRole = seniorManager.Role,
    };
}
