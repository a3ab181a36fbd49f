using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Support.Contracts.Registry;
using Support.Messaging.Inbox;

namespace Support.Messaging.Registry;

/// <summary>Adds a newly registered young person to the service's projection (exactly once, via the inbox).</summary>
public sealed class YoungPersonRegisteredConsumer<TContext>(TContext db, TimeProvider clock, ILogger<YoungPersonRegisteredConsumer<TContext>> logger)
    : IdempotentConsumer<YoungPersonRegistered, TContext>(db, clock, logger)
    where TContext : DbContext
{
    protected override async Task HandleAsync(ConsumeContext<YoungPersonRegistered> context)
    {
        var message = context.Message;
        // A correction may have overtaken the registration; it already created the row with newer details.
        if (await Db.Set<KnownYoungPerson>().FindAsync([message.YoungPersonId], context.CancellationToken) is null)
        {
            Db.Set<KnownYoungPerson>().Add(
                KnownYoungPerson.FromRegistry(message.YoungPersonId, message.DisplayName, message.DateOfBirth, 1, message.OccurredAt));
        }
    }
}

/// <summary>Applies a registry correction (REC-05); may arrive before the registration, so it can create the row.</summary>
public sealed class YoungPersonDetailsCorrectedConsumer<TContext>(TContext db, TimeProvider clock, ILogger<YoungPersonDetailsCorrectedConsumer<TContext>> logger)
    : IdempotentConsumer<YoungPersonDetailsCorrected, TContext>(db, clock, logger)
    where TContext : DbContext
{
    protected override async Task HandleAsync(ConsumeContext<YoungPersonDetailsCorrected> context)
    {
        var message = context.Message;
        var existing = await Db.Set<KnownYoungPerson>().FindAsync([message.YoungPersonId], context.CancellationToken);
        if (existing is null)
        {
            Db.Set<KnownYoungPerson>().Add(
                KnownYoungPerson.FromRegistry(message.YoungPersonId, message.DisplayName, message.DateOfBirth, message.Version, message.OccurredAt));
        }
        else
        {
            existing.Apply(message.DisplayName, message.DateOfBirth, message.Version, message.OccurredAt);
        }
    }
}
