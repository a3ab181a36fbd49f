using MassTransit;
using Support.ServiceDefaults.Deployment;

namespace Support.Messaging;

/// <summary>
/// A broker confirm means an exchange took the message, not that a queue holds it: an event published before any
/// consumer declared its queue is confirmed and dropped. So every service declares the queues of the events it
/// consumes (bound to their exchanges) at deployment, before any service of the release starts publishing, through
/// MassTransit's deploy-only mode. After that, a published event waits in the queue however late its consumer starts.
/// </summary>
internal sealed class BusTopologyDeployment(IBusControl bus) : IDeploymentStep
{
    public string Name => "broker topology";

    public async Task RunAsync(CancellationToken cancellationToken) => await bus.DeployAsync(cancellationToken);
}
