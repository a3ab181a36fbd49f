using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Support.Messaging.Tests.Infrastructure;
using Support.ServiceDefaults.Deployment;
using Support.Testing;

namespace Support.Messaging.Tests.Outbox;

/// <summary>A consumer service, deployed (topology only) or running, always under the same service name.</summary>
public sealed class TopologyConsumerHost(bool deployOnly) : MessagingFixture("topology")
{
    protected override bool StartHost => !deployOnly;

    protected override bool RunHostedRelay => false;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RabbitMq:DeployTopologyOnly"] = deployOnly ? "true" : "false",
    };

    protected override void ConfigureConsumers(IBusRegistrationConfigurator bus) => bus.AddConsumer<TopologyProbeConsumer>();
}

public sealed class TopologyDeploymentTests
{
    [Fact]
    public async Task An_event_published_after_deployment_but_before_its_consumer_ever_started_is_still_consumed()
    {
        // The release's deployment step declares the consumer's queue, and nothing else runs.
        // (Its host stays undisposed to the end: MassTransit's static log context still points at its logger factory.)
        var deployment = new TopologyConsumerHost(deployOnly: true);
        await deployment.InitializeAsync();
        try
        {
            foreach (var step in deployment.Services.GetServices<IDeploymentStep>())
            {
                await step.RunAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
            }
            await PublishThenConsumeAsync();
        }
        finally
        {
            await deployment.DisposeAsync();
        }
    }

    private static async Task PublishThenConsumeAsync()
    {

        // Another service publishes while the consumer has never run: the broker confirms, and the queue holds it.
        var messageId = NewId.NextGuid();
        var publisher = await TestBus.StartAsync();
        try
        {
            await publisher.PublishAsync(new TopologyProbe { Index = 1 }, messageId);
        }
        finally
        {
            await publisher.StopAsync();
        }

        // The consumer starts later and applies it.
        var consumer = new TopologyConsumerHost(deployOnly: false);
        await consumer.InitializeAsync();
        try
        {
            await Eventually.TrueAsync(async () => await consumer.EffectCountAsync(messageId) == 1,
                TimeSpan.FromSeconds(60), "the event published before the consumer started to be consumed");
        }
        finally
        {
            await consumer.DisposeAsync();
        }
    }
}
