using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Support.Messaging.Outbox;
using Support.Messaging.Tests.Infrastructure;
using Support.ServiceDefaults.Health;

namespace Support.Messaging.Tests.Outbox;

public sealed class OutboxBacklogFixture() : MessagingFixture("backlog")
{
    public FakeTimeProvider FakeClock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    protected override TimeProvider Clock => FakeClock;

    // Nothing relays the rows: the host is built (so its outbox, monitor and health checks are the real ones) but
    // never started, and its relay is removed for good measure.
    protected override bool StartHost => false;

    protected override bool RunHostedRelay => false;

    protected override void ConfigureConsumers(IBusRegistrationConfigurator bus)
    {
    }
}

public sealed class OutboxBacklogTests(OutboxBacklogFixture fixture) : IClassFixture<OutboxBacklogFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var db = fixture.CreateDbContext();
        // The fake clock only moves forward, so each test measures ages relative to the rows it writes.
        await db.Set<OutboxMessage>().ExecuteDeleteAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Pending_rows_and_the_age_of_the_oldest_are_measured()
    {
        var monitor = fixture.Services.GetRequiredService<OutboxMonitor>();
        Assert.Equal(new OutboxBacklog(0, null), await MeasureAsync(monitor));

        await fixture.WriteOutboxAsync(new BacklogProbe { Index = 1 }, new BacklogProbe { Index = 2 }, new BacklogProbe { Index = 3 });
        fixture.FakeClock.Advance(TimeSpan.FromSeconds(40));
        var later = await fixture.WriteOutboxAsync(new BacklogProbe { Index = 4 }, new BacklogProbe { Index = 5 });
        fixture.FakeClock.Advance(TimeSpan.FromSeconds(50));

        Assert.Equal(new OutboxBacklog(5, TimeSpan.FromSeconds(90)), await MeasureAsync(monitor));
        Assert.Equal(new OutboxBacklog(5, TimeSpan.FromSeconds(90)), monitor.Last);

        // Once the oldest rows are sent, the age is that of the oldest row still pending.
        await using (var db = fixture.CreateDbContext())
        {
            await db.Set<OutboxMessage>().Where(r => !later.Contains(r.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.SentAt, fixture.FakeClock.GetUtcNow()));
        }
        Assert.Equal(new OutboxBacklog(2, TimeSpan.FromSeconds(50)), await MeasureAsync(monitor));
    }

    [Fact]
    public async Task The_ready_check_reports_the_backlog_and_degrades_when_the_oldest_row_waits_too_long()
    {
        var ids = await fixture.WriteOutboxAsync(new BacklogProbe { Index = 1 }, new BacklogProbe { Index = 2 });
        fixture.FakeClock.Advance(TimeSpan.FromSeconds(30));
        await fixture.WriteOutboxAsync(new BacklogProbe { Index = 3 });
        fixture.FakeClock.Advance(TimeSpan.FromSeconds(15));

        var fresh = await OutboxCheckAsync();
        Assert.Equal(HealthStatus.Healthy, fresh.Status);
        Assert.Equal(3L, fresh.Data["pending"]);
        Assert.Equal(45.0, fresh.Data["oldestPendingAgeSeconds"]);

        fixture.FakeClock.Advance(TimeSpan.FromMinutes(2));
        var stale = await OutboxCheckAsync();
        Assert.Equal(HealthStatus.Degraded, stale.Status);
        Assert.Equal(3L, stale.Data["pending"]);
        Assert.Equal(165.0, stale.Data["oldestPendingAgeSeconds"]);

        // The rows are still there: a backlog is reported, never dropped.
        var rows = await fixture.OutboxRowsAsync(ids);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Null(r.SentAt));
    }

    [Fact]
    public async Task The_backlog_metrics_report_the_last_measurement()
    {
        var monitor = fixture.Services.GetRequiredService<OutboxMonitor>();
        await fixture.WriteOutboxAsync(new BacklogProbe { Index = 1 }, new BacklogProbe { Index = 2 });
        fixture.FakeClock.Advance(TimeSpan.FromSeconds(75));
        await MeasureAsync(monitor);

        var gauges = ReadGauges(fixture.Services.GetRequiredService<IMeterFactory>());

        Assert.Equal(2.0, gauges["support.outbox.pending"]);
        Assert.Equal(75.0, gauges["support.outbox.oldest_pending_age"]);
    }

    private async Task<OutboxBacklog> MeasureAsync(OutboxMonitor monitor)
    {
        await using var db = fixture.CreateDbContext();
        return await monitor.MeasureAsync(db, fixture.FakeClock, CancellationToken.None);
    }

    private async Task<HealthReportEntry> OutboxCheckAsync()
    {
        var report = await fixture.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(r => r.Tags.Contains(HealthTags.Ready) && r.Name == "outbox");
        return Assert.Single(report.Entries, e => e.Key == "outbox").Value;
    }

    /// <summary>Reads the observable gauges of this host's messaging meter, as an exporter would.</summary>
    private static Dictionary<string, double> ReadGauges(IMeterFactory meters)
    {
        var values = new Dictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == OutboxMonitor.MeterName && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => values[instrument.Name] = value);
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => values[instrument.Name] = value);
        listener.Start();
        listener.RecordObservableInstruments();
        return values;
    }
}
