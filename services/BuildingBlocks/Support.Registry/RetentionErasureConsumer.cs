using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Support.Contracts.Registry;
using Support.Messaging.Inbox;
using Support.Messaging.Outbox;

namespace Support.Registry;

/// <summary>
/// REC-04, <c>RecordRetention</c>: a young person's retention period ended, so this service removes what it holds
/// about them (<see cref="RetentionErasure"/>) and says what it removed, for the tombstone, in the same transaction
/// (exactly once, via the inbox). Every service registers it, Referrals included.
/// </summary>
[InboxName("retention.erase-young-person")]
public sealed partial class RetentionErasureConsumer<TContext>(TContext db, IOutbox outbox, TimeProvider clock, ILogger<RetentionErasureConsumer<TContext>> logger)
    : IdempotentConsumer<RetentionPeriodEnded, TContext>(db, clock, logger)
    where TContext : DbContext
{
    protected override async Task HandleAsync(ConsumeContext<RetentionPeriodEnded> context)
    {
        var removed = await RetentionErasure.EraseAsync(Db, context.Message.YoungPersonId, context.CancellationToken);
        // What stops an event still in flight about them from writing here again (ErasedYoungPersonFilter).
        if (!await Db.Set<ErasedYoungPerson>().AnyAsync(e => e.YoungPersonId == context.Message.YoungPersonId, context.CancellationToken))
        {
            Db.Add(ErasedYoungPerson.Mark(context.Message.YoungPersonId, context.Message.TombstoneId, Clock.GetUtcNow()));
        }
        var service = Db.Model.GetDefaultSchema() ?? Db.GetType().Name;
        outbox.Add(new YoungPersonRecordsErased
        {
            TombstoneId = context.Message.TombstoneId,
            YoungPersonId = context.Message.YoungPersonId,
            Service = service,
            RowsRemoved = [.. removed.Select(r => new ErasedRows { Table = r.Key, Rows = r.Value })],
            OccurredAt = Clock.GetUtcNow(),
        });
        LogErased(logger, service, removed.Values.Sum(), removed.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention erasure in {Service}: {Rows} rows from {Tables} tables")]
    private static partial void LogErased(ILogger logger, string service, int rows, int tables);
}
