using System.Reflection;
using System.Runtime.ExceptionServices;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
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
                // Bounded here as well, so that a deployment that hangs fails this test instead of stalling the run.
                await step.RunAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token).WaitAsync(TimeSpan.FromSeconds(120));
            }
            await PublishThenConsumeAsync();
        }
        finally
        {
            await deployment.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_deployment_whose_bus_never_finishes_stopping_still_completes_and_its_queue_keeps_what_is_published()
    {
        // MassTransit 8.5 can leave a deploy-only bus's stop waiting forever (MassTransit/MassTransit#6099); the
        // topology is declared by then, so the deployment goes on after a bounded wait.
        var deployment = new TopologyConsumerHost(deployOnly: true);
        await deployment.InitializeAsync();
        var bus = deployment.Services.GetRequiredService<IBusControl>();
        try
        {
            var (neverStops, probe) = BusThatNeverStops.Wrap(bus);
            var step = new BusTopologyDeployment(neverStops, NullLogger<BusTopologyDeployment>.Instance) { StopWait = TimeSpan.FromSeconds(2) };

            await step.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(1, probe.StopsAsked);
            await PublishThenConsumeAsync();
        }
        finally
        {
            try
            {
                await bus.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                // Cleanup only: the real bus can meet the same race (MassTransit#6099), which is not what this test is about.
            }
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

/// <summary>A bus that does everything the real one does except finish stopping, as MassTransit#6099 leaves one.</summary>
public class BusThatNeverStops : DispatchProxy
{
    private IBusControl? _bus;
    private int _stopsAsked;

    public int StopsAsked => Volatile.Read(ref _stopsAsked);

    public static (IBusControl Bus, BusThatNeverStops Probe) Wrap(IBusControl bus)
    {
        var proxy = Create<IBusControl, BusThatNeverStops>();
        var probe = (BusThatNeverStops)(object)proxy;
        probe._bus = bus;
        return (proxy, probe);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IBusControl.StopAsync))
        {
            Interlocked.Increment(ref _stopsAsked);
            return new TaskCompletionSource().Task;
        }
        try
        {
            return targetMethod.Invoke(_bus, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
