using MassTransit;
using Microsoft.Extensions.Logging;
using Support.ServiceDefaults.Deployment;

namespace Support.Messaging;

/// <summary>
/// A broker confirm means an exchange took the message, not that a queue holds it: an event published before any
/// consumer declared its queue is confirmed and dropped. So every service declares the queues of the events it
/// consumes (bound to their exchanges) at deployment, before any service of the release starts publishing, through
/// MassTransit's deploy-only mode. After that, a published event waits in the queue however late its consumer starts.
/// </summary>
internal sealed partial class BusTopologyDeployment(IBusControl bus, ILogger<BusTopologyDeployment> logger) : IDeploymentStep
{
    public string Name => "broker topology";

    /// <summary>How long the bus may take to stop once the topology is declared.</summary>
    internal TimeSpan StopWait { get; init; } = TimeSpan.FromSeconds(30);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // In deploy-only mode a receive endpoint is ready only once its queue, exchanges and bindings are declared, and
        // starting waits for every endpoint to be ready: when this returns, the topology is deployed.
        await bus.StartAsync(cancellationToken);

        // Stopping only lets the connection go. MassTransit 8.5 can wait forever here, whatever the token, when a
        // receive transport is opening another channel as the stop begins (MassTransit/MassTransit#6099; seen once in
        // this repository's tests, hung for 20 minutes). A deployment must not hang on its cleanup, so wait a bounded
        // time and go on: the process deploying ends soon after, and the connection with it.
        try
        {
            await bus.StopAsync(cancellationToken).WaitAsync(StopWait, cancellationToken);
        }
        catch (TimeoutException)
        {
            LogStopAbandoned(logger, StopWait.TotalSeconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The broker topology is deployed, but the deploy-only bus did not stop within {Seconds} s; going on without it")]
    private static partial void LogStopAbandoned(ILogger logger, double seconds);
}
