using MassTransit;
using Support.Messaging;

namespace Support.Testing;

/// <summary>A plain MassTransit bus on the run's vhost, for tests that publish as another service would.</summary>
public static class TestBus
{
    public static async Task<IBusControl> StartAsync(Action<IRabbitMqBusFactoryConfigurator>? configure = null)
    {
        var vhost = await TestBroker.VirtualHostAsync();
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(TestEnvironment.RabbitMq.Host, (ushort)TestEnvironment.RabbitMq.Port, vhost, h =>
            {
                h.Username(TestEnvironment.RabbitMqUser);
                h.Password(TestEnvironment.RabbitMqPassword);
            });
            cfg.ConfigureJsonSerializerOptions(MessagingJson.Configure);
            configure?.Invoke(cfg);
        });
        await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        return bus;
    }

    /// <summary>Publishes with a fixed MessageId, as the outbox relay does, so a second call is a true duplicate.</summary>
    public static Task PublishAsync<T>(this IBus bus, T message, Guid messageId) where T : class =>
        bus.Publish(message, context => context.MessageId = messageId);
}
