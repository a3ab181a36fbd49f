using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Support.Messaging.Outbox;

/// <summary>
/// Reports the outbox backlog on <c>/health/ready</c>. A backlog is Degraded, not Unhealthy: the service still
/// accepts work safely (rows wait in its database), but operators must see that messages are not leaving. Dead rows
/// (set aside by the relay) also degrade it until an operator re-queues them.
/// </summary>
internal sealed class OutboxHealthCheck<TContext>(TContext db, OutboxMonitor monitor, TimeProvider clock) : IHealthCheck
    where TContext : DbContext
{
    public static readonly TimeSpan DegradedAfter = TimeSpan.FromMinutes(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var backlog = await monitor.MeasureAsync(db, clock, cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["pending"] = backlog.Pending,
            ["oldestPendingAgeSeconds"] = Math.Round(backlog.OldestPendingAge?.TotalSeconds ?? 0, 1),
            ["dead"] = backlog.Dead,
        };
        if (backlog.Dead > 0)
        {
            return HealthCheckResult.Degraded($"{backlog.Dead} outbox messages are set aside as dead and need an operator.", data: data);
        }
        return backlog.OldestPendingAge > DegradedAfter
            ? HealthCheckResult.Degraded("Outbox messages are waiting longer than expected.", data: data)
            : HealthCheckResult.Healthy($"{backlog.Pending} pending", data);
    }
}
