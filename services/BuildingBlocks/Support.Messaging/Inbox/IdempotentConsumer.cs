using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Support.Messaging.Inbox;

/// <summary>
/// Base for every consumer that changes state. In one transaction it records (consumer, MessageId) in the inbox,
/// applies <see cref="HandleAsync"/>'s changes and writes any outgoing outbox rows; a redelivered message finds its
/// inbox row and does nothing. A concurrent duplicate blocks on the inbox key until the first commits, then sees the
/// conflict, so two deliveries can never both apply.
/// </summary>
public abstract partial class IdempotentConsumer<TMessage, TContext>(TContext db, TimeProvider clock, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
    where TContext : DbContext
{
    protected TContext Db => db;
    protected TimeProvider Clock => clock;

    /// <summary>Stable name under which this consumer's processed messages are recorded (<see cref="InboxNameAttribute"/>).</summary>
    protected string ConsumerName => InboxNames.Of(GetType());

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = InboxTransaction.MessageIdOf(context);
        await using var transaction = await InboxTransaction.BeginAsync(db, context.Headers, context.CancellationToken);
        // The table name comes from the EF model, never from input.
        var insertSql = $"INSERT INTO {MessagingModel.QualifiedTable<InboxMessage>(db)} (consumer, message_id, processed_at) "
            + "VALUES (@consumer, @messageId, @at) ON CONFLICT DO NOTHING";
        var inserted = await db.Database.ExecuteSqlRawAsync(
            insertSql,
            [
                new NpgsqlParameter("consumer", ConsumerName),
                new NpgsqlParameter("messageId", messageId),
                new NpgsqlParameter("at", clock.GetUtcNow()),
            ],
            context.CancellationToken);
        if (inserted == 0)
        {
            LogDuplicate(logger, messageId, ConsumerName);
            return;
        }

        await HandleAsync(context);
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
    }

    /// <summary>Apply the message to <see cref="Db"/>; do not call SaveChanges (the base commits once).</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context);

    [LoggerMessage(Level = LogLevel.Information, Message = "Duplicate delivery of {MessageId} to {Consumer} ignored")]
    private static partial void LogDuplicate(ILogger logger, Guid messageId, string consumer);
}
