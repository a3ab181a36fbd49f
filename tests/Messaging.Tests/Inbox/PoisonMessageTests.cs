using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Support.Messaging.Tests.Infrastructure;
using Support.Testing;

namespace Support.Messaging.Tests.Inbox;

public sealed class PoisonMessageFixture() : MessagingFixture("poison")
{
    // One message at a time: while the poison message is being retried it holds the endpoint's only slot, so the
    // good messages get through only if the poison message is moved out of the way.
    protected override void ConfigureConsumers(IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<PoisonProbeConsumer>().Endpoint(e =>
        {
            e.PrefetchCount = 1;
            e.ConcurrentMessageLimit = 1;
        });
}

public sealed class PoisonMessageTests(PoisonMessageFixture fixture) : IClassFixture<PoisonMessageFixture>
{
    private const int GoodMessages = 10;

    [Fact]
    public async Task A_poison_message_goes_to_the_error_queue_without_blocking_others()
    {
        var bus = fixture.Services.GetRequiredService<IBus>();
        var poison = NewId.NextGuid();
        var good = Enumerable.Range(0, GoodMessages).Select(_ => NewId.NextGuid()).ToList();

        await bus.Publish(new PoisonProbe { Poison = true }, c => c.MessageId = poison);
        foreach (var id in good)
        {
            await bus.Publish(new PoisonProbe { Poison = false }, c => c.MessageId = id);
        }

        await Eventually.TrueAsync(async () => (await fixture.EffectCountsAsync(good)).Values.All(n => n == 1),
            TimeSpan.FromSeconds(60), "every good message to be applied after the poison message");
        Assert.All(await fixture.EffectCountsAsync(good), e => Assert.Equal(1, e.Value));
        Assert.Equal(0, await fixture.EffectCountAsync(poison));
        Assert.Equal(0, await fixture.InboxCountAsync(poison));

        // The queue the poison message was actually delivered from, and its error queue as the broker lists it.
        var queue = fixture.Deliveries.Entries.First(d => d.MessageId == poison && d.Stage == DeliveryStage.Faulted).Queue;
        Assert.Equal(fixture.QueueOf<PoisonProbeConsumer>(), queue);
        var errorQueue = $"{queue}_error";
        Assert.Contains(errorQueue, await QueueNamesAsync());
        await Eventually.TrueAsync(async () => await TestBroker.QueueDepthAsync(errorQueue) == 1,
            TimeSpan.FromSeconds(60), $"{errorQueue} to hold the poison message");
    }

    private static async Task<IReadOnlyList<string>> QueueNamesAsync()
    {
        using var client = TestBroker.ManagementClient();
        var vhost = Uri.EscapeDataString(await TestBroker.VirtualHostAsync());
        var queues = await client.GetFromJsonAsync<List<QueueName>>($"api/queues/{vhost}?columns=name") ?? [];
        return [.. queues.Select(q => q.Name)];
    }

    private sealed record QueueName(string Name);
}
