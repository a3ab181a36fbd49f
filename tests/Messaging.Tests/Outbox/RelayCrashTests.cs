using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Support.Messaging.Outbox;
using Support.Messaging.Tests.Infrastructure;
using Support.Testing;

namespace Support.Messaging.Tests.Outbox;

public sealed class RelayCrashFixture() : MessagingFixture("crash")
{
    private readonly ConcurrentQueue<Guid> _crashedOn = new();
    private int _armed;

    /// <summary>Rows the relay "crashed" on: published and confirmed by the broker, then never marked sent.</summary>
    public IReadOnlyCollection<Guid> CrashedOn => _crashedOn;

    /// <summary>The next row the relay publishes is followed by a crash before it is marked sent (once).</summary>
    public void CrashOnceAfterNextPublish() => Volatile.Write(ref _armed, 1);

    protected override void ConfigureConsumers(IBusRegistrationConfigurator bus) => bus.AddConsumer<CrashProbeConsumer>();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Configure<OutboxRelayOptions>(o => o.AfterPublishBeforeMark = row =>
        {
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                _crashedOn.Enqueue(row.Id);
                throw new SimulatedCrashException();
            }
            return Task.CompletedTask;
        });
}

public sealed class SimulatedCrashException() : Exception("Simulated relay crash after publish, before mark.");

public sealed class RelayCrashTests(RelayCrashFixture fixture) : IClassFixture<RelayCrashFixture>
{
    [Fact]
    public async Task A_crash_between_publish_and_mark_gives_exactly_one_downstream_effect()
    {
        var queue = fixture.QueueOf<CrashProbeConsumer>();
        fixture.CrashOnceAfterNextPublish();

        var id = (await fixture.WriteOutboxAsync(new CrashProbe { Label = "crash between publish and mark" })).Single();

        await Eventually.TrueAsync(async () => (await fixture.OutboxRowAsync(id)).SentAt is not null,
            TimeSpan.FromSeconds(60), "the outbox row to be published again and marked sent after the crash");
        await Eventually.TrueAsync(() => Task.FromResult(fixture.Deliveries.Count(queue, id, DeliveryStage.Consumed) >= 2),
            TimeSpan.FromSeconds(60), "both copies of the message to be consumed");

        Assert.Equal([id], fixture.CrashedOn);
        // Delivered twice with the same MessageId (the row id): the relay really did send a duplicate ...
        Assert.Equal(2, fixture.Deliveries.Count(queue, id, DeliveryStage.Started));
        Assert.Equal(2, fixture.Deliveries.Count(queue, id, DeliveryStage.Consumed));
        // ... and the inbox absorbed it: one effect, one inbox row.
        Assert.Equal(1, await fixture.EffectCountAsync(id));
        Assert.Equal(1, await fixture.InboxCountAsync(id));
        var row = await fixture.OutboxRowAsync(id);
        Assert.NotNull(row.SentAt);
        Assert.Null(row.LastError);
    }
}
