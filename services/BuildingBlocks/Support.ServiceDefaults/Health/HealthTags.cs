namespace Support.ServiceDefaults.Health;

public static class HealthTags
{
    /// <summary>Checks that decide whether the service should receive traffic (database, bus, outbox backlog).</summary>
    public const string Ready = "ready";
}
