using System.Globalization;

namespace Support.Bench.Platform;

/// <summary>The benchmarks share the machine with the platform (and with whatever else runs); this says how busy it was.</summary>
public static class Machine
{
    /// <summary>The 1-minute load average from /proc/loadavg; above the CPU count, the figures are pessimistic.</summary>
    public static double LoadAverage1m() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

    public static double MemoryGiB()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return long.Parse(line["MemTotal:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
    }
}
