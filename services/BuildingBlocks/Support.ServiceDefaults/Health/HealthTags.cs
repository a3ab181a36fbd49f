namespace Support.ServiceDefaults.Health;

public static class HealthTags
{
    /// <summary>Checks that decide whether the service should receive traffic (database, outbox backlog; the bus is reported there at worst as Degraded).</summary>
    public const string Ready = "ready";

    /// <summary>The message bus: reported (at worst Degraded) but never a reason to stop taking traffic.</summary>
    public const string Bus = "bus";
}
