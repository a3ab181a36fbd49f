using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Messaging.Outbox;
using Support.Messaging.Tests.Data;
using Support.Messaging.Tests.Infrastructure;
using Support.Testing;

namespace Support.Messaging.Tests.Outbox;

public sealed class ConcurrentRelayFixture() : MessagingFixture("relays")
{
    // Small batches, so both relays claim many batches from the same table while the other holds its own.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Outbox:BatchSize"] = "50" };

    // The test runs the two relays itself.
    protected override bool RunHostedRelay => false;

    // One message at a time, in queue order: when the sentinel (published last) is consumed, every earlier
    // delivery, duplicates included, has been consumed too.
    protected override void ConfigureConsumers(IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<BulkProbeConsumer>().Endpoint(e =>
        {
            e.PrefetchCount = 1;
            e.ConcurrentMessageLimit = 1;
        });
}

public sealed class ConcurrentRelayTests(ConcurrentRelayFixture fixture) : IClassFixture<ConcurrentRelayFixture>
{
    private const int Rows = 1200;

    [Fact]
    public async Task Two_relays_on_one_table_never_publish_a_row_twice()
    {
        var ids = await fixture.WriteOutboxAsync(Enumerable.Range(0, Rows).Select(i => new BulkProbe { Index = i }).ToArray());
        Assert.Equal(Rows, ids.Count);
        var relayA = ActivatorUtilities.CreateInstance<OutboxRelay<MessagingTestDbContext>>(fixture.Services);
        var relayB = ActivatorUtilities.CreateInstance<OutboxRelay<MessagingTestDbContext>>(fixture.Services);

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var drainA = Task.Run(() => DrainAsync(relayA, go.Task, timeout.Token));
        var drainB = Task.Run(() => DrainAsync(relayB, go.Task, timeout.Token));
        go.SetResult();
        var publishedByA = await drainA;
        var publishedByB = await drainB;

        Assert.True(publishedByA > 0 && publishedByB > 0, $"Both relays should have done some of the work (A: {publishedByA}, B: {publishedByB}).");
        Assert.Equal(Rows, publishedByA + publishedByB);
        var rows = await fixture.OutboxRowsAsync(ids);
        Assert.Equal(Rows, rows.Count);
        Assert.All(rows, r => Assert.NotNull(r.SentAt));
        // Each row was claimed and published by exactly one relay, exactly once.
        Assert.All(rows, r => Assert.Equal(1, r.Attempts));

        var queue = fixture.QueueOf<BulkProbeConsumer>();
        var sentinel = NewId.NextGuid();
        await fixture.Services.GetRequiredService<IBus>().Publish(new BulkProbe { Index = -1, Sentinel = true }, c => c.MessageId = sentinel);
        await Eventually.TrueAsync(() => Task.FromResult(fixture.Deliveries.Count(queue, sentinel, DeliveryStage.Handled) == 1),
            TimeSpan.FromSeconds(120), "the sentinel, queued after every relayed message, to be consumed");

        var received = fixture.Deliveries.For(queue, DeliveryStage.Handled).Where(d => d.MessageId != sentinel).ToList();
        var duplicates = received.GroupBy(d => d.MessageId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"{duplicates.Count} message(s) were received more than once, e.g. {string.Join(", ", duplicates.Take(5))}.");
        Assert.Equal(ids.Order(), received.Select(d => d.MessageId).Order());
    }

    /// <summary>Runs one relay's passes until the table has nothing pending; returns how many rows this relay marked sent.</summary>
    private async Task<int> DrainAsync(OutboxRelay<MessagingTestDbContext> relay, Task go, CancellationToken cancellationToken)
    {
        await go;
        var published = 0;
        while (true)
        {
            var batch = (await relay.RelayBatchAsync(cancellationToken)).Published;
            published += batch;
            if (batch == 0)
            {
                if (await PendingAsync(cancellationToken) == 0)
                {
                    return published;
                }
                // The rest is claimed by the other relay (or backing off): poll as the hosted relay does.
                await Task.Delay(20, cancellationToken);
            }
        }
    }

    private async Task<int> PendingAsync(CancellationToken cancellationToken)
    {
        await using var db = fixture.CreateDbContext();
        return await db.Set<OutboxMessage>().CountAsync(r => r.SentAt == null, cancellationToken);
    }
}
