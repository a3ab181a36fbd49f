using MassTransit;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.UnmetNeeds;
using Support.Messaging.Inbox;
using Support.ServiceDefaults.Time;
using Support.Therapy.Data;
using Support.Therapy.Domain;

namespace Support.Therapy.Consumers;

/// <summary>
/// COM-05: the platform's one unmet-need ledger, fed only by <c>UnmetNeedRecorded</c> from every service (LeavingCare's
/// adult-services refusals, this service's declines). The inbox absorbs a redelivery; the unmet need id absorbs the
/// same need sent again as a new message.
/// </summary>
[InboxName("unmet-need.ledger")]
public sealed class UnmetNeedLedgerConsumer(TherapyDbContext db, TimeProvider clock, ILogger<UnmetNeedLedgerConsumer> logger)
    : IdempotentConsumer<UnmetNeedRecorded, TherapyDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<UnmetNeedRecorded> context)
    {
        var m = context.Message;
        if (await Db.UnmetNeeds.AnyAsync(u => u.UnmetNeedId == m.UnmetNeedId, context.CancellationToken))
        {
            return;
        }
        Db.UnmetNeeds.Add(UnmetNeedEntry.From(m, m.Since ?? London.DateOf(m.OccurredAt), Clock.GetUtcNow()));
    }
}

/// <summary>
/// COM-05: an unmet need that was met keeps its row with the date it was resolved. A resolution can only follow its
/// record; one that overtakes it on the bus is refused, so the bus's retries deliver it again once the record is in.
/// </summary>
[InboxName("unmet-need.ledger-resolved")]
public sealed class UnmetNeedResolvedLedgerConsumer(TherapyDbContext db, TimeProvider clock, ILogger<UnmetNeedResolvedLedgerConsumer> logger)
    : IdempotentConsumer<UnmetNeedResolved, TherapyDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<UnmetNeedResolved> context)
    {
        var m = context.Message;
        var entry = await Db.UnmetNeeds.SingleOrDefaultAsync(u => u.UnmetNeedId == m.UnmetNeedId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Unmet need {m.UnmetNeedId} is not in the ledger yet; its resolution is retried.");
        entry.Resolve(m.ResolvedOn);
    }
}
