using MassTransit;
using Microsoft.Extensions.Options;
using Support.Contracts.Registry;
using Support.LeavingCare.Data;
using Support.LeavingCare.Features.Alerts;
using Support.Messaging.Inbox;
using Support.Messaging.Registry;

namespace Support.LeavingCare.Consumers;

/// <summary>
/// The registry projection (<see cref="KnownYoungPerson"/>, as every service keeps it) and the picture's date of birth,
/// in one transaction: these consumers take the place of the shared projection consumers on the same queues. The date
/// of birth from the registry drives every deadline here. A registration, or a correction that changes the
/// date of birth, re-checks that young person's alerts at once (LC-01: someone registered at 17 years 10 months gets
/// the handover alert now, not at the next daily pass), in the same transaction as the inbox row.
/// </summary>
public sealed class PictureOnRegistrationConsumer(
    LeavingCareDbContext db, TimeProvider clock, IOptions<LeavingCareOptions> options, ILogger<PictureOnRegistrationConsumer> logger)
    : IdempotentConsumer<YoungPersonRegistered, LeavingCareDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<YoungPersonRegistered> context)
    {
        var message = context.Message;
        var now = Clock.GetUtcNow();
        // A correction may have overtaken the registration; it already created the row with newer details.
        if (await Db.KnownYoungPeople.FindAsync([message.YoungPersonId], context.CancellationToken) is null)
        {
            Db.KnownYoungPeople.Add(KnownYoungPerson.FromRegistry(message.YoungPersonId, message.DisplayName, message.DateOfBirth, 1, message.OccurredAt));
        }
        var picture = await Picture.GetOrStartAsync(Db, message.YoungPersonId, now, context.CancellationToken);
        if (picture.ApplyDateOfBirth(message.DateOfBirth, 1, options.Value, now))
        {
            await Db.SaveChangesAsync(context.CancellationToken);
            await AlertEngine.RunAsync(Db, options.Value, now, message.YoungPersonId, context.CancellationToken);
        }
    }
}

public sealed class PictureOnCorrectionConsumer(
    LeavingCareDbContext db, TimeProvider clock, IOptions<LeavingCareOptions> options, ILogger<PictureOnCorrectionConsumer> logger)
    : IdempotentConsumer<YoungPersonDetailsCorrected, LeavingCareDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<YoungPersonDetailsCorrected> context)
    {
        var message = context.Message;
        var now = Clock.GetUtcNow();
        var known = await Db.KnownYoungPeople.FindAsync([message.YoungPersonId], context.CancellationToken);
        if (known is null)
        {
            Db.KnownYoungPeople.Add(KnownYoungPerson.FromRegistry(message.YoungPersonId, message.DisplayName, message.DateOfBirth, message.Version, message.OccurredAt));
        }
        else
        {
            known.Apply(message.DisplayName, message.DateOfBirth, message.Version, message.OccurredAt);
        }
        var picture = await Picture.GetOrStartAsync(Db, message.YoungPersonId, now, context.CancellationToken);
        if (picture.ApplyDateOfBirth(message.DateOfBirth, message.Version, options.Value, now))
        {
            await Db.SaveChangesAsync(context.CancellationToken);
            await AlertEngine.RunAsync(Db, options.Value, now, message.YoungPersonId, context.CancellationToken);
        }
    }
}
