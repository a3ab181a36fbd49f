using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Contracts.Incidents;
using Support.Messaging.Inbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.CriticalIncidents;
using Support.Referrals.Features.CriticalIncidents;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Consumers.CriticalIncidents;

/// <summary>
/// REF-22, MIS-04: a critical incident raised by another service (injuries found in a return-home interview, say)
/// joins the senior-manager queue with its acknowledgement deadline. The inbox absorbs a redelivery; the incident id
/// and the unique (service, reference, kind) absorb the same finding re-sent, and an incident this service recorded
/// itself is already in the queue.
/// </summary>
[InboxName("critical-incidents.queue-raised")]
public sealed class QueueCriticalIncidentConsumer(
    ReferralsDbContext db, TimeProvider clock, ILogger<QueueCriticalIncidentConsumer> logger, IOptions<CriticalIncidentOptions> options)
    : IdempotentConsumer<CriticalIncidentRaised, ReferralsDbContext>(db, clock, logger)
{
    public const string Recorder = "system:critical-incidents";

    protected override async Task HandleAsync(ConsumeContext<CriticalIncidentRaised> context)
    {
        var message = context.Message;
        var incidents = Db.Set<CriticalIncident>();
        if (await incidents.AnyAsync(i => i.Id == message.IncidentId
                || (i.SourceService == message.SourceService && i.SourceReference == message.SourceReference && i.Kind == message.Kind),
                context.CancellationToken))
        {
            return;
        }
        var now = Clock.GetUtcNow();
        // The deadline runs from when it was raised; another service's clock a little ahead of ours is read as now.
        var raisedAt = message.OccurredAt > now ? now : message.OccurredAt;
        incidents.Add(CriticalIncident.Raise(message.IncidentId, message.YoungPersonId, message.Kind, message.SourceService,
            message.SourceReference, message.IncidentAt, raisedAt, options.Value.Deadline, summary: null, Author.Service(Recorder, now)));
    }
}
