using MassTransit;
using Support.Contracts.Placements;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.Messaging.Inbox;

namespace Support.LeavingCare.Consumers;

// LC-01: the handover pack contains the young person's placement. Referrals announces each placement (REF-26); the
// picture keeps each one as a fact, and a placement marks the young person looked after (PathwayPlanFrom applies).
// The setting's name travels because the adviser who takes over needs to know where the young person lives.

[InboxName("picture.placement-started")]
public sealed class PlacementStartedConsumer(LeavingCareDbContext db, TimeProvider clock, ILogger<PlacementStartedConsumer> logger)
    : IdempotentConsumer<PlacementStarted, LeavingCareDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<PlacementStarted> context)
    {
        var m = context.Message;
        var now = Clock.GetUtcNow();
        var picture = await Picture.GetOrStartAsync(Db, m.YoungPersonId, now, context.CancellationToken);
        // Being placed makes a child looked after; a placement ending never makes them not have been (LC-02).
        if (!picture.LookedAfter)
        {
            picture.SetLookedAfter(true, now);
        }
        var reviewBy = m.ReviewBy is { } review ? $", review by {review:yyyy-MM-dd}" : "";
        await Picture.AddFactAsync(Db, PictureEvent.Of(m.YoungPersonId, PictureEventKinds.PlacementStarted, m.PlacementId,
            $"{m.Type} at {m.Setting} from {m.StartedOn:yyyy-MM-dd} ({m.Reason}){reviewBy}", m.OccurredAt, now, m.RecordedBy), context.CancellationToken);
    }
}

[InboxName("picture.placement-ended")]
public sealed class PlacementEndedConsumer(LeavingCareDbContext db, TimeProvider clock, ILogger<PlacementEndedConsumer> logger)
    : IdempotentConsumer<PlacementEnded, LeavingCareDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ConsumeContext<PlacementEnded> context)
    {
        var m = context.Message;
        return Picture.AddFactAsync(Db, PictureEvent.Of(m.YoungPersonId, PictureEventKinds.PlacementEnded, m.PlacementId,
            $"ended {m.EndedOn:yyyy-MM-dd} ({m.Reason})", m.OccurredAt, Clock.GetUtcNow(), m.RecordedBy), context.CancellationToken);
    }
}
