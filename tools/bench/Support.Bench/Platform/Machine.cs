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

    public static double MemoryGiB()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return long.Parse(line["MemTotal:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
    }
}
