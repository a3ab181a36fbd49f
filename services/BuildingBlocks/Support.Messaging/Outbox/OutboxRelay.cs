using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Support.Messaging.Inbox;
using Support.Messaging.Jobs;
using Support.ServiceDefaults.Correlation;

namespace Support.Messaging.Outbox;

/// <summary>
/// Publishes outbox rows. Each pass claims a batch with <c>FOR UPDATE SKIP LOCKED</c> (so several replicas never take
/// the same rows), publishes each row with the row id as MessageId, waits for the broker's confirm, marks the row
/// sent and commits. A crash between publish and commit re-sends the row with the same MessageId; consumers' inboxes
/// absorb it. Rows are claimed oldest first, but no order is promised to consumers (replicas, retries and commit
/// order all reorder messages): consumers that care about order compare versions.
/// <para>
/// Failures: a row whose type is unknown or whose payload cannot be read can never be published, so it is set aside
/// as dead at once; a row that keeps failing while other rows are published is set aside after
/// <see cref="OutboxRelayOptions.MaxAttempts"/>; when every publish of a pass fails the broker is down for everyone,
/// so the rows wait with a growing backoff and are never set aside for it. Dead rows are reported and re-queued by an
/// operator (<see cref="OutboxOperations{TContext}"/>); nothing is ever dropped.
/// </para>
/// It runs on the one job loop (<see cref="PeriodicJob"/>): when idle it sleeps until a commit with outbox rows wakes it
/// (<see cref="OutboxSignal{TContext}"/>) or the poll interval passes; between passes it deletes sent rows and old
/// inbox rows (<see cref="HousekeepAsync"/>).
/// </summary>
public sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    MessageTypeRegistry types,
    OutboxMonitor monitor,
    OutboxSignal<TContext> signal,
    IOptions<OutboxRelayOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay<TContext>> logger) : PeriodicJob(scopes, clock, logger)
    where TContext : DbContext
{
    private readonly OutboxRelayOptions _options = options.Value;
    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;

    protected override TimeSpan Interval => _options.PollInterval;

    /// <summary>Messages written while the host starts leave as soon as it has started.</summary>
    protected override bool DelaysFirstPass => false;

    /// <summary>When idle, a commit with outbox rows wakes the relay before the poll interval is up.</summary>
    protected override Task WaitForNextPassAsync(CancellationToken cancellationToken) =>
        signal.WaitAsync(_options.PollInterval, Clock, cancellationToken);

    protected override async Task<JobPass> RunPassAsync(CancellationToken cancellationToken)
    {
        var pass = await RelayBatchAsync(cancellationToken);
        if (Clock.GetUtcNow() >= _nextCleanup)
        {
            _nextCleanup = Clock.GetUtcNow() + _options.CleanupInterval;
            await HousekeepAsync(cancellationToken);
        }
        if (pass.BrokerDown is { } pause)
        {
            // Nothing could be published: wait out the shortest backoff instead of spinning on a dead broker.
            return new JobPass(Pause: pause);
        }
        return pass.Published > 0 || pass.SetAside > 0 ? JobPass.MoreWaiting : JobPass.Done;
    }

    /// <summary>What one pass did; <see cref="BrokerDown"/> is the pause when every publish failed.</summary>
    public readonly record struct RelayPass(int Published, int Failed, int SetAside, TimeSpan? BrokerDown);

    /// <summary>One claim-publish-mark pass.</summary>
    public async Task<RelayPass> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await ClaimAsync(db, _options.BatchSize, cancellationToken);
        if (rows.Count == 0)
        {
            return default;
        }

        var now = Clock.GetUtcNow();
        var setAside = 0;
        var publishes = new List<(OutboxMessage Row, Task Publish)>(rows.Count);
        foreach (var row in rows)
        {
            if (Read(row) is { } message)
            {
                // Every publish in the batch is started at once and their confirms awaited afterwards: waiting for each
                // confirm before sending the next would cap the relay at one message per confirm round trip.
                publishes.Add((row, PublishAsync(row, message.Type, message.Body, cancellationToken)));
            }
            else
            {
                setAside++;
            }
        }

        var published = 0;
        var failed = new List<(OutboxMessage Row, Exception Error)>();
        foreach (var (row, publish) in publishes)
        {
            try
            {
                await publish;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                failed.Add((row, e));
                continue;
            }
            if (_options.AfterPublishBeforeMark is { } fault)
            {
                await fault(row);
            }
            row.SentAt = Clock.GetUtcNow();
            row.Attempts++;
            published++;
        }

        TimeSpan? brokerDown = null;
        foreach (var (row, error) in failed)
        {
            row.Attempts++;
            var backoff = _options.BackoffFor(row.Attempts);
            row.NextAttemptAt = now + backoff;
            var text = $"{error.GetType().Name}: {error.Message}";
            row.LastError = text.Length <= 2000 ? text : text[..2000];
            monitor.Failures.Add(1);
            if (published > 0 && row.Attempts > _options.MaxAttempts)
            {
                // Others got through in this very pass, so the broker is up and this row is the problem.
                row.SetAside(now, $"Failed {row.Attempts} times while other messages were published. Last: {row.LastError}");
                setAside++;
                LogSetAside(logger, row.Id, row.MessageType, row.Attempts, error.GetType().Name);
            }
            else
            {
                LogPublishFailed(logger, row.Id, row.MessageType, row.Attempts, row.NextAttemptAt, error.GetType().Name);
            }
            if (published == 0)
            {
                brokerDown = brokerDown is { } shortest && shortest < backoff ? shortest : backoff;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        monitor.Published.Add(published);
        monitor.SetAside.Add(setAside);
        return new RelayPass(published, failed.Count, setAside, brokerDown);
    }

    /// <summary>
    /// Claims up to <paramref name="batch"/> live pending rows in the caller's transaction. The transaction is ended by
    /// PostgreSQL if it sits idle longer than <see cref="OutboxRelayOptions.ClaimIdleTimeout"/> (a frozen relay), so
    /// claims are never held for good.
    /// </summary>
    internal async Task<List<OutboxMessage>> ClaimAsync(TContext db, int batch, CancellationToken cancellationToken)
    {
        var timeoutMs = ((long)_options.ClaimIdleTimeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // set_config(..., true) is SET LOCAL: it ends with this transaction and leaves pooled connections untouched.
        await db.Database.ExecuteSqlAsync($"SELECT set_config('idle_in_transaction_session_timeout', {timeoutMs}, true)", cancellationToken);
        return await ClaimAsync<OutboxMessage>(db, "sent_at IS NULL AND dead_at IS NULL AND next_attempt_at <= @now", "sequence",
            batch, Clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>The row's contract type and message, or null after setting the row aside: it can never be published.</summary>
    private (Type Type, object Body)? Read(OutboxMessage row)
    {
        string problem;
        if (!types.TryResolve(row.MessageType, out var type))
        {
            problem = $"No contract type is registered for '{row.MessageType}'.";
        }
        else
        {
            try
            {
                if (JsonSerializer.Deserialize(row.Payload, type, MessagingJson.Options) is { } body)
                {
                    return (type, body);
                }
                problem = "The payload is empty.";
            }
            catch (JsonException e)
            {
                // The exception's own text can quote the payload; only its position is kept.
                problem = $"The payload cannot be read as {type.Name} (line {e.LineNumber}, position {e.BytePositionInLine}).";
            }
        }
        row.Attempts++;
        row.SetAside(Clock.GetUtcNow(), problem);
        LogSetAside(logger, row.Id, row.MessageType, row.Attempts, "Unpublishable");
        return null;
    }

    private async Task PublishAsync(OutboxMessage row, Type type, object message, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        await bus.Publish(message, type, Pipe.Execute<PublishContext>(context =>
        {
            context.MessageId = row.Id;
            if (row.CorrelationId is not null)
            {
                context.Headers.Set(CorrelationId.HeaderName, row.CorrelationId);
            }
            if (row.TraceParent is not null)
            {
                context.Headers.Set("traceparent", row.TraceParent);
            }
        }), timeout.Token);
    }

    /// <summary>
    /// Deletes sent outbox rows older than <see cref="OutboxRelayOptions.SentRetention"/> and processed inbox rows
    /// older than <see cref="OutboxRelayOptions.InboxRetention"/>, in batches until none is left (so cleanup keeps up
    /// with any rate of arrival), then measures the backlog. Returns how many rows of each were deleted.
    /// </summary>
    public async Task<(long Outbox, long Inbox)> HousekeepAsync(CancellationToken cancellationToken)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = Clock.GetUtcNow();
        var outbox = MessagingModel.QualifiedTable<OutboxMessage>(db);
        var inbox = MessagingModel.QualifiedTable<InboxMessage>(db);
        var sent = await DeleteInBatchesAsync(db,
            $"DELETE FROM {outbox} WHERE id IN (SELECT id FROM {outbox} WHERE sent_at < @cutoff ORDER BY sent_at LIMIT @batch)",
            now - _options.SentRetention, cancellationToken);
        var processed = await DeleteInBatchesAsync(db,
            $"DELETE FROM {inbox} WHERE (consumer, message_id) IN (SELECT consumer, message_id FROM {inbox} WHERE processed_at < @cutoff ORDER BY processed_at LIMIT @batch)",
            now - _options.InboxRetention, cancellationToken);
        await monitor.MeasureAsync(db, Clock, cancellationToken);
        return (sent, processed);
    }

    private async Task<long> DeleteInBatchesAsync(TContext db, string sql, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        long total = 0;
        int deleted;
        do
        {
            // Each batch is its own short statement, so cleanup never holds many row locks or one long transaction.
            deleted = await db.Database.ExecuteSqlRawAsync(sql,
                [new NpgsqlParameter("cutoff", cutoff), new NpgsqlParameter("batch", _options.CleanupBatchSize)], cancellationToken);
            total += deleted;
        }
        while (deleted == _options.CleanupBatchSize && !cancellationToken.IsCancellationRequested);
        return total;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Outbox publish of {MessageId} ({MessageType}) failed on attempt {Attempts} with {ErrorType}; next try at {NextAttemptAt}")]
    private static partial void LogPublishFailed(ILogger logger, Guid messageId, string messageType, int attempts, DateTimeOffset nextAttemptAt, string errorType);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Outbox row {MessageId} ({MessageType}) set aside as dead after {Attempts} attempts ({Reason}); re-queue it once the cause is fixed")]
    private static partial void LogSetAside(ILogger logger, Guid messageId, string messageType, int attempts, string reason);

}
