using System.Diagnostics;

namespace Support.Bench.Load;

public sealed record OpenLoopResult(LatencyRecorder FromIntended, LatencyRecorder FromSent, LatencyRecorder StartLag,
    IReadOnlyList<LatencyRecorder> ByWindow)
{
    /// <summary>
    /// How long each of <see cref="ByWindow"/>'s windows of intended send times is: 5 s, or <c>BENCH_WINDOW_S</c> seconds
    /// (for example 1, to line a stall up with a per-second sample of the machine).
    /// </summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(
        double.TryParse(Environment.GetEnvironmentVariable("BENCH_WINDOW_S"), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? seconds : 5);

    public static OpenLoopResult Empty() => new(new LatencyRecorder(), new LatencyRecorder(), new LatencyRecorder(), []);

    /// <summary>Adds another run's totals to this one's; windows are per run and are not merged.</summary>
    public void Add(OpenLoopResult other)
    {
        FromIntended.Add(other.FromIntended);
        FromSent.Add(other.FromSent);
        StartLag.Add(other.StartLag);
    }

    /// <summary>
    /// The p99 of each window in milliseconds, in order: one stall shows as a few high windows, a platform that cannot
    /// keep up as windows that climb and never come down.
    /// </summary>
    public string WindowP99s => string.Join(", ", ByWindow.Select(w => w.Count == 0 ? "-" : $"{w.PercentileMs(99):0}"));
}

/// <summary>
/// Fixed-rate load. Operation <c>i</c> is due at <c>start + i / rate</c> and is started then, however long earlier
/// ones take, and its latency is counted from that intended time: a stall on the server shows up as latency of every
/// request that should have been sent during it (no coordinated omission).
/// </summary>
public static class OpenLoop
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    /// <summary>Starts <paramref name="count"/> operations on schedule; the callback receives the index and the intended start timestamp.</summary>
    public static async Task<LatencyRecorder> ScheduleAsync(
        double rate, long count, Func<long, long, Task> operation, CancellationToken cancellationToken)
    {
        var startLag = new LatencyRecorder();
        var running = new List<Task>((int)Math.Min(count, 1_000_000));
        var interval = Stopwatch.Frequency / rate;
        var start = Clock.Now;
        for (long i = 0; i < count;)
        {
            var intended = start + (long)(i * interval);
            var now = Clock.Now;
            if (now < intended)
            {
                // Timers tick about every millisecond, so wake a little early and start whatever is due then.
                var wait = TimeSpan.FromSeconds((intended - now) / (double)Stopwatch.Frequency) - Tick;
                await Task.Delay(wait > Tick ? wait : Tick, cancellationToken);
                continue;
            }
            startLag.RecordElapsed(intended, now);
            running.Add(operation(i, intended));
            i++;
        }
        await Task.WhenAll(running);
        return startLag;
    }

    /// <summary>Latency of one request type at a fixed rate; the warm-up's results are discarded.</summary>
    public static async Task<OpenLoopResult> RunAsync(
        Operation operation, double rate, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        var fromIntended = new LatencyRecorder();
        var fromSent = new LatencyRecorder();
        var warmupCount = (long)(rate * warmup.TotalSeconds);
        var count = warmupCount + (long)(rate * duration.TotalSeconds);
        var perWindow = Math.Max(1L, (long)(rate * OpenLoopResult.Window.TotalSeconds));
        var byWindow = Enumerable.Range(0, (int)((count - warmupCount + perWindow - 1) / perWindow)).Select(_ => new LatencyRecorder()).ToArray();

        async Task SendAsync(long index, long intended)
        {
            var sent = Clock.Now;
            var failure = await operation.TryAsync(cancellationToken);
            var done = Clock.Now;
            if (index < warmupCount)
            {
                return;
            }
            if (failure is null)
            {
                fromIntended.RecordElapsed(intended, done);
                fromSent.RecordElapsed(sent, done);
                byWindow[(index - warmupCount) / perWindow].RecordElapsed(intended, done);
            }
            else
            {
                fromIntended.RecordFailure(failure);
            }
        }

        var startLag = await ScheduleAsync(rate, count, SendAsync, cancellationToken);
        return new OpenLoopResult(fromIntended, fromSent, startLag, byWindow);
    }
}
