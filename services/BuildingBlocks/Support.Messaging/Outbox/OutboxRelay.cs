using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Support.ServiceDefaults.Correlation;

namespace Support.Messaging.Outbox;

/// <summary>
/// Publishes outbox rows. Each pass claims a batch with <c>FOR UPDATE SKIP LOCKED</c> (so several replicas never take
/// the same rows), publishes each row with the row id as MessageId, waits for the broker's confirm, marks the row
/// sent and commits. A failed publish leaves the row pending with a capped, growing backoff: rows are never dropped.
/// A crash between publish and commit re-sends the row with the same MessageId; consumers' inboxes absorb it.
/// When idle it sleeps until a commit with outbox rows wakes it (<see cref="OutboxSignal{TContext}"/>) or the poll
/// interval passes, whichever is first.
/// </summary>
public sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    MessageTypeRegistry types,
    OutboxMonitor monitor,
    OutboxSignal<TContext> signal,
    IOptions<OutboxRelayOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private readonly OutboxRelayOptions _options = options.Value;
    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;
    private TimeSpan? _pauseAfterFailure;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var published = 0;
            try
            {
                published = await RelayBatchAsync(stoppingToken);
                await HousekeepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be unreachable; the rows are safe where they are. Try again after a pause.
                LogPassFailed(logger, e.GetType().Name, e.Message);
                await Task.Delay(_options.InitialBackoff, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }
            if (_pauseAfterFailure is { } pause)
            {
                // The whole relay waits out the failed row's backoff, so newer rows do not overtake it when the
                // broker comes back: order is kept across an outage.
                _pauseAfterFailure = null;
                await Task.Delay(pause, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            else if (published == 0)
            {
                await signal.WaitAsync(_options.PollInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>One claim-publish-mark pass. Returns how many rows were published and marked sent.</summary>
    public async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var table = MessagingModel.QualifiedTable<OutboxMessage>(db);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The table name comes from the EF model, never from input.
        var claimSql = $"SELECT * FROM {table} WHERE sent_at IS NULL AND next_attempt_at <= @now ORDER BY sequence LIMIT @batch FOR UPDATE SKIP LOCKED";
        var rows = await db.Set<OutboxMessage>()
            .FromSqlRaw(
                claimSql,
                new NpgsqlParameter("now", clock.GetUtcNow()),
                new NpgsqlParameter("batch", _options.BatchSize))
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        // Every publish in the batch is started in order (one channel keeps that order) and their broker confirms are
        // awaited in order: waiting for each confirm before sending the next would cap the relay at one message per
        // confirm round trip.
        var publishes = rows.Select(row => (Row: row, Publish: PublishAsync(row, cancellationToken))).ToList();
        var published = 0;
        foreach (var (row, publish) in publishes)
        {
            try
            {
                await publish;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                row.Attempts++;
                var backoff = _options.BackoffFor(row.Attempts);
                row.NextAttemptAt = clock.GetUtcNow() + backoff;
                row.LastError = Truncate($"{e.GetType().Name}: {e.Message}", 2000);
                _pauseAfterFailure = _pauseAfterFailure is { } longest && longest > backoff ? longest : backoff;
                monitor.Failures.Add(1);
                LogPublishFailed(logger, row.Id, row.MessageType, row.Attempts, row.NextAttemptAt, e.GetType().Name);
                continue;
            }
            if (_options.AfterPublishBeforeMark is { } fault)
            {
                await fault(row);
            }
            row.SentAt = clock.GetUtcNow();
            row.Attempts++;
            published++;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        monitor.Published.Add(published);
        return published;
    }

    private async Task PublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        if (!types.TryResolve(row.MessageType, out var type))
        {
            throw new InvalidOperationException($"No contract type is registered for '{row.MessageType}'.");
        }
        var message = JsonSerializer.Deserialize(row.Payload, type, MessagingJson.Options)
            ?? throw new InvalidOperationException($"Outbox row {row.Id} has an empty payload.");

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

    private async Task HousekeepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now < _nextCleanup)
        {
            return;
        }
        _nextCleanup = now + TimeSpan.FromMinutes(1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var table = MessagingModel.QualifiedTable<OutboxMessage>(db);
        var deleteSql = $"DELETE FROM {table} WHERE id IN (SELECT id FROM {table} WHERE sent_at < @cutoff LIMIT 1000)";
        await db.Database.ExecuteSqlRawAsync(
            deleteSql,
            [new NpgsqlParameter("cutoff", now - _options.SentRetention)], cancellationToken);
        await monitor.MeasureAsync(db, clock, cancellationToken);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Outbox publish of {MessageId} ({MessageType}) failed on attempt {Attempts} with {ErrorType}; next try at {NextAttemptAt}")]
    private static partial void LogPublishFailed(ILogger logger, Guid messageId, string messageType, int attempts, DateTimeOffset nextAttemptAt, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay pass failed with {ErrorType}: {Error}")]
    private static partial void LogPassFailed(ILogger logger, string errorType, string error);
}
