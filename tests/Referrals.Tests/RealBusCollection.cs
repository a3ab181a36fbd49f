namespace Support.Referrals.Tests;

/// <summary>
/// Test classes whose Referrals host is connected to the real broker. They share the service's queues in this run's
/// vhost, so they run one after another, never side by side.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RealBusCollection
{
    public const string Name = "referrals on the real bus";
}
