using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Support.Messaging.Outbox;

/// <summary>Rows waiting to be published, the age of the oldest, and rows set aside as dead (never published until re-queued).</summary>
public sealed record OutboxBacklog(long Pending, TimeSpan? OldestPendingAge, long Dead = 0);

/// <summary>
/// Reads the outbox backlog for the ready check and the metrics <c>support.outbox.pending</c> and
/// <c>support.outbox.oldest_pending_age</c>; an old pending row is the alert that the bus is not being fed.
/// </summary>
public sealed class OutboxMonitor
{
    public const string MeterName = "Support.Messaging";
    private OutboxBacklog _last = new(0, null, 0);

    public OutboxMonitor(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("support.outbox.pending", () => _last.Pending, unit: "{message}",
            description: "Outbox rows not yet confirmed by the broker.");
        meter.CreateObservableGauge("support.outbox.oldest_pending_age", () => _last.OldestPendingAge?.TotalSeconds ?? 0, unit: "s",
            description: "Age of the oldest outbox row not yet confirmed by the broker.");
        meter.CreateObservableGauge("support.outbox.dead", () => _last.Dead, unit: "{message}",
            description: "Outbox rows set aside as unpublishable; each needs an operator to fix its cause and re-queue it.");
        Published = meter.CreateCounter<long>("support.outbox.published", unit: "{message}");
        SetAside = meter.CreateCounter<long>("support.outbox.set_aside", unit: "{message}");
        Failures = meter.CreateCounter<long>("support.outbox.publish_failures", unit: "{attempt}");
    }

    internal Counter<long> Published { get; }
    internal Counter<long> Failures { get; }
    internal Counter<long> SetAside { get; }

    public OutboxBacklog Last => _last;

    public async Task<OutboxBacklog> MeasureAsync(DbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var table = MessagingModel.QualifiedTable<OutboxMessage>(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = "SELECT count(*) FILTER (WHERE dead_at IS NULL), min(occurred_at) FILTER (WHERE dead_at IS NULL), "
                + $"count(*) FILTER (WHERE dead_at IS NOT NULL) FROM {table} WHERE sent_at IS NULL";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var pending = reader.GetInt64(0);
            TimeSpan? age = reader.IsDBNull(1) ? null : clock.GetUtcNow() - reader.GetFieldValue<DateTimeOffset>(1);
            _last = new OutboxBacklog(pending, age, reader.GetInt64(2));
            return _last;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
