using MassTransit;

namespace Support.Messaging.Tests.Infrastructure;

// Test-only contracts, one per concern so that no test class's consumers receive another's messages. They are
// registered with AddSupportMessaging through its extraContractAssemblies parameter, as a service's own would be.

[MessageUrn("support:test:crash-probe:v1")]
public sealed record CrashProbe
{
    public required string Label { get; init; }
}

[MessageUrn("support:test:bulk-probe:v1")]
public sealed record BulkProbe
{
    public required int Index { get; init; }
    /// <summary>Published last, straight to the bus: once it is consumed, everything queued before it was too.</summary>
    public bool Sentinel { get; init; }
}

[MessageUrn("support:test:outage-probe:v1")]
public sealed record OutageProbe
{
    public required int Index { get; init; }
}

[MessageUrn("support:test:duplicate-probe:v1")]
public sealed record DuplicateProbe
{
    /// <summary>The first delivery holds its inbox row (uncommitted) until the copy has started consuming too.</summary>
    public bool HoldUntilCopyArrives { get; init; }
}

[MessageUrn("support:test:poison-probe:v1")]
public sealed record PoisonProbe
{
    public required bool Poison { get; init; }
}

[MessageUrn("support:test:backlog-probe:v1")]
public sealed record BacklogProbe
{
    public required int Index { get; init; }
}

[MessageUrn("support:test:wake-up-probe:v1")]
public sealed record WakeUpProbe
{
    public required int Index { get; init; }
}

[MessageUrn("support:test:partial-work-probe:v1")]
public sealed record PartialWorkProbe
{
    public required int Index { get; init; }
}

[MessageUrn("support:test:housekeeping-probe:v1")]
public sealed record HousekeepingProbe
{
    public required int Index { get; init; }
}

[MessageUrn("support:test:dead-letter-probe:v1")]
public sealed record DeadLetterProbe
{
    public required int Index { get; init; }
}

/// <summary>Deliberately without [MessageUrn]: the outbox must refuse it.</summary>
public sealed record UnnamedProbe
{
    public required int Index { get; init; }
}

[MessageUrn("support:test:topology-probe:v1")]
public sealed record TopologyProbe
{
    public required int Index { get; init; }
}
