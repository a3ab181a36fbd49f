namespace Support.ServiceDefaults.Time;

/// <summary>
/// PostgreSQL keeps an instant to the microsecond and .NET to a tenth of one. An entity that sets its instants through
/// this holds in memory exactly what a read of it will return, so a response built from the entity just stored is the
/// same, digit for digit, as the one a later GET or an idempotent replay returns.
/// </summary>
public static class StoredPrecision
{
    public static DateTimeOffset ToStoredPrecision(this DateTimeOffset instant) =>
        instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerMicrosecond));
}
