using MassTransit;
using Support.Contracts.Registry;
using Support.Messaging.Inbox;
using Support.Outreach.Data;
using Support.Outreach.Domain;

namespace Support.Outreach.Consumers;

/// <summary>Adds a newly registered young person to this context's projection (exactly once, via the inbox).</summary>
public sealed class YoungPersonRegisteredConsumer(OutreachDbContext db, TimeProvider clock, ILogger<YoungPersonRegisteredConsumer> logger)
    : IdempotentConsumer<YoungPersonRegistered, OutreachDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<YoungPersonRegistered> context)
    {
        var message = context.Message;
        var existing = await Db.YoungPeople.FindAsync([message.YoungPersonId], context.CancellationToken);
        if (existing is null)
        {
            Db.YoungPeople.Add(YoungPerson.FromRegistry(message.YoungPersonId, message.DisplayName, message.DateOfBirth, 1, message.OccurredAt));
        }
    }
}

/// <summary>Applies a registry correction (REC-05); may arrive before the registration, so it can create the row.</summary>
public sealed class YoungPersonDetailsCorrectedConsumer(OutreachDbContext db, TimeProvider clock, ILogger<YoungPersonDetailsCorrectedConsumer> logger)
    : IdempotentConsumer<YoungPersonDetailsCorrected, OutreachDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<YoungPersonDetailsCorrected> context)
    {
        var message = context.Message;
        var existing = await Db.YoungPeople.FindAsync([message.YoungPersonId], context.CancellationToken);
        if (existing is null)
        {
            Db.YoungPeople.Add(YoungPerson.FromRegistry(message.YoungPersonId, message.DisplayName, message.DateOfBirth, message.Version, message.OccurredAt));
        }
        else
        {
            existing.Apply(message.DisplayName, message.DateOfBirth, message.Version, message.OccurredAt);
        }
    }
}
