using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Support.Messaging.Inbox;

/// <summary>
/// The batch form of <see cref="IdempotentConsumer{TMessage,TContext}"/>, for the projections every registration fans
/// out to (issue 17: a transaction, an inbox row and a write per message was most of a registration's cost on two
/// cores; docs/benchmarks.md). In one transaction it records (consumer, MessageId) in the inbox for the whole batch in
/// one statement and hands <see cref="HandleAsync"/> only the messages recorded now: a redelivered message finds its
/// row and is skipped, a concurrent duplicate waits on the inbox key until the first commits and is skipped then, and a
/// message twice in one batch counts once. The rows are the same as the single form's under the same
/// <see cref="InboxNameAttribute"/>, so moving a consumer between the two forms never re-applies a message. A failure
/// rolls the whole batch back and MassTransit retries each of its messages.
/// </summary>
public abstract partial class IdempotentBatchConsumer<TMessage, TContext>(TContext db, TimeProvider clock, ILogger logger) : IConsumer<Batch<TMessage>>
    where TMessage : class
    where TContext : DbContext
{
    protected TContext Db => db;
    protected TimeProvider Clock => clock;

    /// <summary>Stable name under which this consumer's processed messages are recorded (<see cref="InboxNameAttribute"/>).</summary>
    protected string ConsumerName => InboxNames.Of(GetType());

    public async Task Consume(ConsumeContext<Batch<TMessage>> context)
    {
        var byId = new Dictionary<Guid, ConsumeContext<TMessage>>(context.Message.Length);
        foreach (var message in context.Message)
        {
            byId.TryAdd(InboxTransaction.MessageIdOf(message), message);
        }
        await using var transaction = await InboxTransaction.BeginAsync(db, context.Message[0].Headers, context.CancellationToken);
        // In id order, so two batches that share duplicates take their inbox keys in the same order and cannot deadlock.
        var recorded = await RecordInInboxAsync(transaction, [.. byId.Keys.Order()], context.CancellationToken);
        if (recorded.Count < byId.Count)
        {
            LogDuplicates(logger, byId.Count - recorded.Count, ConsumerName);
        }
        if (recorded.Count > 0)
        {
            await HandleAsync([.. byId.Where(m => recorded.Contains(m.Key)).Select(m => m.Value)], context.CancellationToken);
            await db.SaveChangesAsync(context.CancellationToken);
        }
        await transaction.CommitAsync(context.CancellationToken);
    }

    /// <summary>Apply the messages (each new to this consumer) to <see cref="Db"/>; do not call SaveChanges (the base commits once).</summary>
    protected abstract Task HandleAsync(IReadOnlyList<ConsumeContext<TMessage>> messages, CancellationToken cancellationToken);

    private async Task<HashSet<Guid>> RecordInInboxAsync(IDbContextTransaction transaction, Guid[] messageIds, CancellationToken cancellationToken)
    {
        // The table name comes from the EF model, never from input.
        var sql = $"INSERT INTO {MessagingModel.QualifiedTable<InboxMessage>(db)} (consumer, message_id, processed_at) "
            + "SELECT $1, id, $2 FROM unnest($3::uuid[]) AS m(id) ON CONFLICT DO NOTHING RETURNING message_id";
        await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction())
        {
            Parameters =
            {
                new NpgsqlParameter { Value = ConsumerName },
                new NpgsqlParameter { Value = clock.GetUtcNow() },
                new NpgsqlParameter { Value = messageIds },
            },
        };
        var recorded = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            recorded.Add(reader.GetGuid(0));
        }
        return recorded;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} duplicate deliveries to {Consumer} ignored")]
    private static partial void LogDuplicates(ILogger logger, int count, string consumer);
}
