using System.Collections.Concurrent;
using System.Diagnostics;
using HdrHistogram;

namespace Support.Bench.Load;

/// <summary>Latencies in microseconds (1 µs to 60 s, 3 significant digits) plus a count of failed operations by cause.</summary>
public sealed class LatencyRecorder
{
    private readonly LongConcurrentHistogram _histogram = new(1, 60_000_000, 3);
    private readonly ConcurrentDictionary<string, long> _failures = new();

    public void RecordElapsed(long fromTimestamp, long toTimestamp) =>
        _histogram.RecordValue(Math.Max(1, (toTimestamp - fromTimestamp) * 1_000_000 / Stopwatch.Frequency));

    public void RecordFailure(string cause) => _failures.AddOrUpdate(cause, 1, (_, n) => n + 1);

    /// <summary>Adds another recorder's latencies and failures to this one.</summary>
    public void Add(LatencyRecorder other)
    {
        _histogram.Add(other._histogram);
        foreach (var (cause, count) in other._failures)
        {
            _failures.AddOrUpdate(cause, count, (_, n) => n + count);
        }
    }

    public long Count => _histogram.TotalCount;

    public long FailureCount => _failures.Values.Sum();

    public string FailureSummary => string.Join(", ", _failures.OrderBy(f => f.Key).Select(f => $"{f.Key} x{f.Value}"));

    public double PercentileMs(double percentile) => _histogram.TotalCount == 0 ? double.NaN : _histogram.GetValueAtPercentile(percentile) / 1000.0;

    public double MaxMs => _histogram.TotalCount == 0 ? double.NaN : _histogram.GetMaxValue() / 1000.0;
}
