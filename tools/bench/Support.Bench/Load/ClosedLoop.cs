namespace Support.Bench.Load;

public sealed record ClosedLoopResult(double OperationsPerSecond, LatencyRecorder Latency);

/// <summary>
/// Maximum throughput: a fixed number of workers, each sending its next request as soon as the previous one is
/// answered. Only operations that complete inside the measurement window (after the warm-up) are counted.
/// </summary>
public static class ClosedLoop
{
    public static async Task<ClosedLoopResult> RunAsync(
        Operation operation, int concurrency, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        var latency = new LatencyRecorder();
        var start = Clock.Now;
        var measureFrom = Clock.After(start, warmup);
        var end = Clock.After(measureFrom, duration);

        async Task WorkerAsync()
        {
            while (Clock.Now < end)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var sent = Clock.Now;
                var failure = await operation.TryAsync(cancellationToken);
                var done = Clock.Now;
                if (done < measureFrom || done > end)
                {
                    continue;
                }
                if (failure is null)
                {
                    latency.RecordElapsed(sent, done);
                }
                else
                {
                    latency.RecordFailure(failure);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkerAsync, cancellationToken)));
        return new ClosedLoopResult(latency.Count / duration.TotalSeconds, latency);
    }
}
