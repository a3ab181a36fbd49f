using System.Globalization;

namespace Support.Bench.Platform;

/// <summary>The benchmarks share the machine with the platform (and with whatever else runs); this says how busy it was.</summary>
public static class Machine
{
    /// <summary>The 1-minute load average from /proc/loadavg; above the CPU count, the figures are pessimistic.</summary>
    public static double LoadAverage1m() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>
    /// Waits until the 1-minute load average is under <paramref name="limit"/>, or <paramref name="atMost"/> has
    /// passed: the script has just built this program and signed its tokens, and the average remembers that work, so a
    /// benchmark started at once would measure it in its first seconds. Returns how long it waited.
    /// </summary>
    public static async Task<TimeSpan> SettleAsync(double limit, TimeSpan atMost, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        try
        {
            while (LoadAverage1m() >= limit && DateTime.UtcNow - started < atMost)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Interrupted while waiting: the benchmarks that follow see the same token and stop too.
        }
        return DateTime.UtcNow - started;
    }

    /// <summary>
    /// Waits until the machine is quiet: the CPU the whole machine used over <paramref name="window"/> (from
    /// /proc/stat, every process) is under <paramref name="busyCores"/> cores, or <paramref name="atMost"/> has passed.
    /// Unlike the load average, which remembers the last minutes, this sees the moment the work a benchmark set off
    /// (the database's writes, the relays' catch-up) has ended. Returns how long it waited and the last reading.
    /// </summary>
    public static async Task<(TimeSpan Waited, double BusyCores)> QuietAsync(double busyCores, TimeSpan window, TimeSpan atMost,
        CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var busy = double.NaN;
        try
        {
            do
            {
                var before = CpuTicks();
                await Task.Delay(window, cancellationToken);
                var after = CpuTicks();
                var elapsed = after.Total - before.Total;
                busy = elapsed <= 0 ? 0 : (elapsed - (after.Idle - before.Idle)) / (double)elapsed * Environment.ProcessorCount;
            }
            while (busy >= busyCores && DateTime.UtcNow - started < atMost);
        }
        catch (OperationCanceledException)
        {
            // Interrupted while waiting: the benchmarks that follow see the same token and stop too.
        }
        return (DateTime.UtcNow - started, busy);
    }

    /// <summary>The first line of /proc/stat: every CPU's ticks so far, and those spent idle or waiting for the disk.</summary>
    private static (long Total, long Idle) CpuTicks()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // "cpu user nice system idle iowait irq softirq steal guest guest_nice": guest time is already in user.
        var ticks = fields[1..9].Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return (ticks.Sum(), ticks[3] + ticks[4]);
    }

    public static double MemoryGiB()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return long.Parse(line["MemTotal:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
    }
}
