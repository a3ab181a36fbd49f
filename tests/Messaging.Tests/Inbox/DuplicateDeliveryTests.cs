using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Support.Messaging.Tests.Infrastructure;
using Support.Testing;

namespace Support.Messaging.Tests.Inbox;

public sealed class DuplicateDeliveryFixture() : MessagingFixture("duplicate")
{
    // Several deliveries in flight at once, so two copies of one message can be consumed concurrently.
    protected override void ConfigureConsumers(IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<DuplicateProbeConsumer>().Endpoint(e =>
        {
            e.PrefetchCount = 8;
            e.ConcurrentMessageLimit = 4;
        });
}

public sealed class DuplicateDeliveryTests(DuplicateDeliveryFixture fixture) : IClassFixture<DuplicateDeliveryFixture>
{
    private IBus Bus => fixture.Services.GetRequiredService<IBus>();

    [Fact]
    public async Task A_duplicate_delivery_has_no_second_effect()
    {
        var queue = fixture.QueueOf<DuplicateProbeConsumer>();
        var id = NewId.NextGuid();

        await Bus.Publish(new DuplicateProbe(), c => c.MessageId = id);
        await Bus.Publish(new DuplicateProbe(), c => c.MessageId = id);

        await Eventually.TrueAsync(() => Task.FromResult(fixture.Deliveries.Count(queue, id, DeliveryStage.Consumed) == 2),
            TimeSpan.FromSeconds(60), "both copies to be consumed");
        Assert.Equal(1, await fixture.EffectCountAsync(id));
        Assert.Equal(1, await fixture.InboxCountAsync(id));
    }

    [Fact]
    public async Task Two_copies_consumed_at_the_same_time_have_one_effect()
    {
        var queue = fixture.QueueOf<DuplicateProbeConsumer>();
        var id = NewId.NextGuid();
        var message = new DuplicateProbe { HoldUntilCopyArrives = true };

        await Task.WhenAll(Bus.Publish(message, c => c.MessageId = id), Bus.Publish(message, c => c.MessageId = id));

        await Eventually.TrueAsync(() => Task.FromResult(fixture.Deliveries.Count(queue, id, DeliveryStage.Consumed) == 2),
            TimeSpan.FromSeconds(60), "both copies to be consumed");
        var events = fixture.Deliveries.Entries.Where(d => d.Queue == queue && d.MessageId == id).ToList();
        var secondStarted = events.Where(d => d.Stage == DeliveryStage.Started).ElementAt(1).Sequence;
        var firstConsumed = events.First(d => d.Stage == DeliveryStage.Consumed).Sequence;
        Assert.True(secondStarted < firstConsumed, "The two copies should have been consumed concurrently (the second started before the first finished).");
        Assert.Equal(1, await fixture.EffectCountAsync(id));
        Assert.Equal(1, await fixture.InboxCountAsync(id));
    }
}
