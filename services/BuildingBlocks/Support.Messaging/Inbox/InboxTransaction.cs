using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Support.ServiceDefaults.Correlation;

namespace Support.Messaging.Inbox;

/// <summary>
/// How both forms of the inbox (<see cref="IdempotentConsumer{TMessage,TContext}"/> and
/// <see cref="IdempotentBatchConsumer{TMessage,TContext}"/>) open the one transaction their inbox rows and effects
/// commit in: written once, so the two cannot drift apart.
/// </summary>
internal static class InboxTransaction
{
    /// <summary>The message's id, which the inbox de-duplicates on.</summary>
    public static Guid MessageIdOf(ConsumeContext context) =>
        context.MessageId ?? throw new InvalidOperationException("A message without a MessageId cannot be de-duplicated.");

    public static Task<IDbContextTransaction> BeginAsync(DbContext db, Headers headers, CancellationToken cancellationToken)
    {
        CorrelationId.Current = headers.Get<string>(CorrelationId.HeaderName);
        // A retry may reuse this scope: forget anything a failed attempt left behind.
        db.ChangeTracker.Clear();
        // A failed save fails the whole message (or batch), which is retried from a new transaction: EF's savepoint
        // around the save, for a caller that would carry on after a failure, is never rolled back to and costs two
        // statements.
        db.Database.AutoSavepointsEnabled = false;
        return db.Database.BeginTransactionAsync(cancellationToken);
    }
}
