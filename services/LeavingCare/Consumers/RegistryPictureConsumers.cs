using MassTransit;
using Microsoft.Extensions.Options;
using Support.Contracts.Registry;
using Support.LeavingCare.Data;
using Support.LeavingCare.Features.Alerts;
using Support.Messaging.Inbox;
using Support.Registry;

namespace Support.LeavingCare.Consumers;

/// <summary>
/// The picture's date of birth from the registry, which drives every deadline here. The registry projection itself
/// (<see cref="KnownYoungPerson"/>) is kept by the shared consumers on their own queues; the picture keeps its own
/// details version, so the two never depend on which message arrives first. A registration, or a correction that changes the
/// date of birth, re-checks that young person's alerts at once (LC-01: someone registered at 17 years 10 months gets
/// the handover alert now, not at the next daily pass), in the same transaction as the inbox row.
/// </summary>
[InboxName("picture.on-registration")]
public sealed class PictureOnRegistrationConsumer(
    LeavingCareDbContext db, TimeProvider clock, IOptions<LeavingCareOptions> options, ILogger<PictureOnRegistrationConsumer> logger)
    : IdempotentConsumer<YoungPersonRegistered, LeavingCareDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<YoungPersonRegistered> context)
    {
        var message = context.Message;
        var now = Clock.GetUtcNow();
        var picture = await Picture.GetOrStartAsync(Db, message.YoungPersonId, now, context.CancellationToken);
        if (picture.ApplyDateOfBirth(message.DateOfBirth, 1, options.Value, now))
        {
            await Db.SaveChangesAsync(context.CancellationToken);
            await AlertEngine.RunAsync(Db, options.Value, now, message.YoungPersonId, context.CancellationToken);
        }
    }
}

[InboxName("picture.on-correction")]
public sealed class PictureOnCorrectionConsumer(
    LeavingCareDbContext db, TimeProvider clock, IOptions<LeavingCareOptions> options, ILogger<PictureOnCorrectionConsumer> logger)
    : IdempotentConsumer<YoungPersonDetailsCorrected, LeavingCareDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<YoungPersonDetailsCorrected> context)
    {
        var message = context.Message;
        var now = Clock.GetUtcNow();
        var picture = await Picture.GetOrStartAsync(Db, message.YoungPersonId, now, context.CancellationToken);
        if (picture.ApplyDateOfBirth(message.DateOfBirth, message.Version, options.Value, now))
        {
            await Db.SaveChangesAsync(context.CancellationToken);
            await AlertEngine.RunAsync(Db, options.Value, now, message.YoungPersonId, context.CancellationToken);
        }
    }
}
