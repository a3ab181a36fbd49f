using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Support.Contracts.Registry;
using Support.Messaging.Inbox;
using Support.ServiceDefaults.Access;

namespace Support.Registry;

/// <summary>Keeps this service's copy of a sharing relationship Referrals recorded (REC-11), exactly once via the inbox.</summary>
[InboxName("registry-projection.sharing-relationship-recorded")]
public sealed class SharingRelationshipRecordedConsumer<TContext>(TContext db, TimeProvider clock, ILogger<SharingRelationshipRecordedConsumer<TContext>> logger)
    : IdempotentConsumer<SharingRelationshipRecorded, TContext>(db, clock, logger)
    where TContext : DbContext
{
    protected override async Task HandleAsync(ConsumeContext<SharingRelationshipRecorded> context)
    {
        var relationships = Db.Set<SharingRelationship>();
        if (await relationships.AnyAsync(r => r.Id == context.Message.RelationshipId, context.CancellationToken))
        {
            return;
        }
        relationships.Add(SharingRelationship.FromEvent(context.Message));
    }
}

/// <summary>
/// Ends this service's copy. Messages carry no order: an ending that arrives before its relationship is kept as an
/// ended row, and the late recording then finds the row and adds nothing, so the partner never gains access.
/// </summary>
[InboxName("registry-projection.sharing-relationship-ended")]
public sealed class SharingRelationshipEndedConsumer<TContext>(TContext db, TimeProvider clock, ILogger<SharingRelationshipEndedConsumer<TContext>> logger)
    : IdempotentConsumer<SharingRelationshipEnded, TContext>(db, clock, logger)
    where TContext : DbContext
{
    protected override async Task HandleAsync(ConsumeContext<SharingRelationshipEnded> context)
    {
        var message = context.Message;
        var relationship = await Db.Set<SharingRelationship>().SingleOrDefaultAsync(r => r.Id == message.RelationshipId, context.CancellationToken);
        if (relationship is null)
        {
            relationship = SharingRelationship.Placeholder(message.RelationshipId, message.YoungPersonId, message.OccurredAt);
            Db.Set<SharingRelationship>().Add(relationship);
        }
        relationship.End(message.EndedAt, null, null);
    }
}
