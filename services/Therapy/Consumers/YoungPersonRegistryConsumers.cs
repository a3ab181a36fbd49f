using MassTransit;
using Support.Contracts.Registry;
using Support.Messaging.Inbox;
using Support.Therapy.Data;
using Support.Therapy.Domain;

namespace Support.Therapy.Consumers;

/// <summary>Adds a newly registered young person to this context's projection (exactly once, via the inbox).</summary>
public sealed class YoungPersonRegisteredConsumer(TherapyDbContext db, TimeProvider clock, ILogger<YoungPersonRegisteredConsumer> logger)
    : IdempotentConsumer<YoungPersonRegistered, TherapyDbContext>(db, clock, logger)
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
public sealed class YoungPersonDetailsCorrectedConsumer(TherapyDbContext db, TimeProvider clock, ILogger<YoungPersonDetailsCorrectedConsumer> logger)
    : IdempotentConsumer<YoungPersonDetailsCorrected, TherapyDbContext>(db, clock, logger)
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
