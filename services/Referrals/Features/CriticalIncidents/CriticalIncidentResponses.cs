using Support.Contracts.Incidents;
using Support.Referrals.Domain.CriticalIncidents;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.CriticalIncidents;

/// <summary>One incident in the senior-manager queue; <c>overdue</c> and <c>escalated</c> say whether the deadline passed.</summary>
public sealed record CriticalIncidentResponse(
    Guid Id, Guid YoungPersonId, CriticalIncidentKind Kind, string SourceService, string SourceReference,
    LondonTime IncidentAt, LondonTime RaisedAt, LondonTime AcknowledgeBy, bool Overdue, bool Escalated, LondonTime? EscalatedAt,
    string? Summary, LondonTime RecordedAt, string RecordedBy, AcknowledgementResponse? Acknowledgement)
{
    public static CriticalIncidentResponse From(CriticalIncident i, CriticalIncidentAcknowledgement? a, DateTimeOffset now) => new(
        i.Id, i.YoungPersonId, i.Kind, i.SourceService, i.SourceReference, LondonTime.Of(i.IncidentAt), LondonTime.Of(i.RaisedAt),
        LondonTime.Of(i.AcknowledgeBy), i.IsOverdueAt(now, a is not null), i.EscalatedAt is not null, LondonTime.Of(i.EscalatedAt),
        i.Summary, LondonTime.Of(i.RecordedAt), i.RecordedBy,
        a is null ? null : new AcknowledgementResponse(a.Note, a.Late, LondonTime.Of(a.AcknowledgedAt), a.AcknowledgedBy, a.AcknowledgedByRole));
}

public sealed record AcknowledgementResponse(string Note, bool Late, LondonTime AcknowledgedAt, string AcknowledgedBy, string AcknowledgedByRole);
