using Support.Contracts.Incidents;
using Support.Referrals.Domain.CriticalIncidents;
using Support.Referrals.Features.Deadlines;

namespace Support.Referrals.Features.CriticalIncidents;

/// <summary>
/// REF-22: an incident nobody acknowledged by its deadline escalates, announced once with
/// <c>CriticalIncidentAcknowledgementOverdue</c> (marked in the same transaction as the outbox row). Runs on the shared
/// job loop through <see cref="DeadlineJob"/>, like every other missed deadline in this service.
/// </summary>
public sealed class CriticalIncidentEscalationJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CriticalIncidentEscalationJob> logger)
    : DeadlineJob(scopes, clock, logger)
{
    public override Task<int> RunOnceAsync(CancellationToken cancellationToken) =>
        AnnounceAsync<CriticalIncident, CriticalIncidentAcknowledgementOverdue>(
            db => $"claimed.acknowledge_by < @now AND claimed.escalated_at IS NULL AND NOT EXISTS "
                + $"(SELECT 1 FROM {db.TableOf<CriticalIncidentAcknowledgement>()} AS a WHERE a.incident_id = claimed.id)",
            "acknowledge_by",
            (incident, now, _) => incident.MarkEscalated(now, acknowledged: false)
                ? new CriticalIncidentAcknowledgementOverdue
                {
                    IncidentId = incident.Id, YoungPersonId = incident.YoungPersonId, Kind = incident.Kind,
                    AcknowledgeBy = incident.AcknowledgeBy, OccurredAt = now,
                }
                : null,
            cancellationToken);
}
