using System.Globalization;

namespace Support.Bench.Platform;

/// <summary>
/// Waits until the platform has finished the work already set off: the fan-out left on the bus drains, then the machine
/// is quiet (under <c>BENCH_QUIET_CORES</c> of a core over 5 s, 0.3 by default), each for at most 180 s. The suite
/// settles before each benchmark, and a benchmark whose setup fans out (registrations, episodes) settles again before
/// its timed phase, so that phase measures its own work. An empty queue is not a quiet machine: the work the last
/// messages set off (the database's writes, the relays' catch-up, the chronology's hashing) goes on after. The load
/// average is no guide: it remembers the last minutes, not this moment.
/// </summary>
public static class PlatformSettle
{
    private static readonly TimeSpan AtMost = TimeSpan.FromSeconds(180);

    public static double QuietCores =>
        double.TryParse(Environment.GetEnvironmentVariable("BENCH_QUIET_CORES"), CultureInfo.InvariantCulture, out var cores) ? cores : 0.3;

    /// <summary>Drains, then waits for quiet; returns the seconds waited and a note saying what was waited for.</summary>
    public static async Task<(double Seconds, string Note)> WaitAsync(BrokerBacklog backlog, CancellationToken cancellationToken)
    {
        var (drainWaited, left) = await backlog.DrainedAsync(AtMost, cancellationToken);
        var (quietWaited, busy) = await Machine.QuietAsync(QuietCores, TimeSpan.FromSeconds(5), AtMost, cancellationToken);
        var note = $"waited {drainWaited.TotalSeconds:0} s (at most {AtMost.TotalSeconds:0}) for the platform's queues to drain ({left} messages left), "
            + $"then {quietWaited.TotalSeconds:0} s (at most {AtMost.TotalSeconds:0}) for the machine to use under {QuietCores} of a core over 5 s (BENCH_QUIET_CORES): "
            + $"{busy:0.00}; load average {Machine.LoadAverage1m():0.00}";
        return ((drainWaited + quietWaited).TotalSeconds, note);
    }

    /// <summary>As <see cref="WaitAsync(BrokerBacklog, CancellationToken)"/>, with a backlog reader of its own.</summary>
    public static async Task<(double Seconds, string Note)> WaitAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        using var backlog = new BrokerBacklog(settings.RabbitMqManagement, settings.RabbitMq);
        return await WaitAsync(backlog, cancellationToken);
    }
}
