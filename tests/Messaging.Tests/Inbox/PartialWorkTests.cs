using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Support.Messaging.Tests.Infrastructure;
using Support.Testing;

namespace Support.Messaging.Tests.Inbox;

public sealed class PartialWorkFixture() : MessagingFixture("partial")
{
    protected override void ConfigureConsumers(IBusRegistrationConfigurator bus) => bus.AddConsumer<PartialWorkProbeConsumer>();
}

public sealed class PartialWorkTests(PartialWorkFixture fixture) : IClassFixture<PartialWorkFixture>
{
    [Fact]
    public async Task A_consumer_that_throws_after_partial_work_leaves_no_effect_and_no_inbox_row()
    {
        var bus = fixture.Services.GetRequiredService<IBus>();
        var messageId = NewId.NextGuid();

        await bus.Publish(new PartialWorkProbe { Index = 1 }, c => c.MessageId = messageId);

        // Every retry failed and the message went to the error queue.
        var errorQueue = $"{fixture.QueueOf<PartialWorkProbeConsumer>()}_error";
        await Eventually.TrueAsync(async () => await TestBroker.QueueDepthAsync(errorQueue) == 1,
            TimeSpan.FromSeconds(60), "the failing message to reach its error queue");
        Assert.True(fixture.Deliveries.Entries.Count(d => d.MessageId == messageId && d.Stage == DeliveryStage.Faulted) >= 1);
        Assert.Equal(0, await fixture.EffectCountAsync(messageId));
        Assert.Equal(0, await fixture.InboxCountAsync(messageId));
    }
}
