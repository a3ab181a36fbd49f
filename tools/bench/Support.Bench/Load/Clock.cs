using System.Diagnostics;

namespace Support.Bench.Load;

public static class Clock
{
    public static long Now => Stopwatch.GetTimestamp();

    public static long After(long timestamp, TimeSpan span) => timestamp + (long)(span.TotalSeconds * Stopwatch.Frequency);

    public static double SecondsBetween(long from, long to) => (to - from) / (double)Stopwatch.Frequency;

    public static double MillisecondsBetween(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}
