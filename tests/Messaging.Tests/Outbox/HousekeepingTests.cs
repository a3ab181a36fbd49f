using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Support.Messaging.Inbox;
using Support.Messaging.Outbox;
using Support.Messaging.Tests.Data;
using Support.Messaging.Tests.Infrastructure;

namespace Support.Messaging.Tests.Outbox;

public sealed class HousekeepingFixture() : MessagingFixture("housekeeping")
{
    public FakeTimeProvider FakeClock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    protected override TimeProvider Clock => FakeClock;

    // The test drives housekeeping itself; nothing else touches the tables.
    protected override bool StartHost => false;

    protected override bool RunHostedRelay => false;

    protected override void ConfigureConsumers(IBusRegistrationConfigurator bus)
    {
    }

    public OutboxRelay<MessagingTestDbContext> Relay() => ActivatorUtilities.CreateInstance<OutboxRelay<MessagingTestDbContext>>(Services);
}

public sealed class HousekeepingTests(HousekeepingFixture fixture) : IClassFixture<HousekeepingFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var db = fixture.CreateDbContext();
        await db.Set<OutboxMessage>().ExecuteDeleteAsync();
        await db.Set<InboxMessage>().ExecuteDeleteAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Cleanup_removes_every_sent_row_past_retention_however_many_arrived_since_the_last_pass()
    {
        var now = fixture.FakeClock.GetUtcNow();
        // Twelve minutes of the relay's target rate (1,000 a second) is far more than one cleanup statement takes: the
        // old cleanup removed at most 1,000 a pass, once a minute, so the table grew without bound.
        await InsertOutboxRowsAsync(12_000, sentAt: now.AddDays(-8));
        await InsertOutboxRowsAsync(100, sentAt: now.AddDays(-6));
        await InsertOutboxRowsAsync(50, sentAt: null);

        var (outbox, _) = await fixture.Relay().HousekeepAsync(CancellationToken.None);

        Assert.Equal(12_000, outbox);
        await using var db = fixture.CreateDbContext();
        Assert.Equal(100, await db.Set<OutboxMessage>().CountAsync(r => r.SentAt != null));
        Assert.Equal(50, await db.Set<OutboxMessage>().CountAsync(r => r.SentAt == null));
    }

    [Fact]
    public async Task Processed_inbox_rows_are_kept_for_the_retention_period_then_removed()
    {
        var now = fixture.FakeClock.GetUtcNow();
        await InsertInboxRowsAsync(7_000, processedAt: now.AddDays(-31));
        await InsertInboxRowsAsync(10, processedAt: now.AddDays(-29));

        var (_, inbox) = await fixture.Relay().HousekeepAsync(CancellationToken.None);

        Assert.Equal(7_000, inbox);
        await using var db = fixture.CreateDbContext();
        Assert.Equal(10, await db.Set<InboxMessage>().CountAsync());
    }

    [Fact]
    public async Task Cleanup_and_retention_are_served_by_indexes()
    {
        await using var db = fixture.CreateDbContext();
        var indexes = await db.Database.SqlQuery<string>(
            $"SELECT indexdef AS \"Value\" FROM pg_indexes WHERE schemaname = {MessagingTestDbContext.Schema}").ToListAsync();

        Assert.Contains(indexes, i => i.Contains("outbox_messages", StringComparison.Ordinal) && i.Contains("(sent_at)", StringComparison.Ordinal));
        Assert.Contains(indexes, i => i.Contains("inbox_messages", StringComparison.Ordinal) && i.Contains("(processed_at)", StringComparison.Ordinal));
    }

    private async Task InsertOutboxRowsAsync(int count, DateTimeOffset? sentAt)
    {
        await using var db = fixture.CreateDbContext();
        var at = fixture.FakeClock.GetUtcNow().AddDays(-10);
        var payload = """{"index": 1}""";
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO msgtest.outbox_messages (id, message_type, payload, occurred_at, attempts, next_attempt_at, sent_at)
            SELECT gen_random_uuid(), 'support:test:housekeeping-probe:v1', {payload}::jsonb, {at}, 1, {at}, {sentAt}
            FROM generate_series(1, {count})
            """);
    }

    private async Task InsertInboxRowsAsync(int count, DateTimeOffset processedAt)
    {
        await using var db = fixture.CreateDbContext();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO msgtest.inbox_messages (consumer, message_id, processed_at)
            SELECT 'test.housekeeping', gen_random_uuid(), {processedAt} FROM generate_series(1, {count})
            """);
    }
}
