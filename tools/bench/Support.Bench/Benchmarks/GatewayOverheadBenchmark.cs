using System.Net;
using Support.Bench.Load;
using Support.Bench.Platform;
using Support.Bench.Reporting;

namespace Support.Bench.Benchmarks;

/// <summary>
/// The cost of the gateway hop: one GET sent straight to Referrals and the same GET through the gateway. The request
/// reads an unknown young person, so it is authenticated and authorized on both paths, queries the database once and
/// returns 404 without writing an access-log row. First maximum throughput (closed loop), then latency at half the
/// gateway's maximum (open loop) for both paths; the difference is what the gateway adds. The paths alternate in
/// short slices, so a burst of unrelated work on the machine cannot land on one path only.
/// </summary>
public sealed class GatewayOverheadBenchmark(BenchSettings settings, TokenPool tokens) : IBenchmark
{
    public static readonly Target AddedP50 = Target.Max(1.5);
    private const int Concurrency = 32;
    private const int MaxSlices = 5;
    private const int LatencySlices = 10;
    private const int LowLoadSlices = 6;

    public string Name => "gateway";
    public string Title => "Gateway overhead (GET /api/referrals/young-people/{unknown id}, direct vs through the gateway)";

    public IEnumerable<(string Name, Target? Target)> PlannedFigures => [("gateway.added_p50_ms", AddedP50)];

    public async Task RunAsync(Report report, CancellationToken cancellationToken)
    {
        await PlatformHealth.EnsureReadyAsync(cancellationToken, PlatformHealth.Ready(settings.Gateway), PlatformHealth.Ready(settings.Referrals));
        var path = $"/api/referrals/young-people/{Guid.NewGuid()}";
        using var directClient = BenchHttp.CreateClient();
        using var gatewayClient = BenchHttp.CreateClient();
        var direct = Get(directClient, new Uri(settings.Referrals, path));
        var proxied = Get(gatewayClient, new Uri(settings.Gateway, path));
        await PreflightAsync(direct, "referrals (direct)", cancellationToken);
        await PreflightAsync(proxied, "gateway", cancellationToken);

        var warmup = settings.Scaled(2);
        var slice = settings.Scaled(1);
        report.Note($"the two paths alternate in {slice.TotalSeconds:0.##} s slices, so unrelated load on the machine hits both alike; {tokens.Count} users");
        report.Note($"closed loop: {Concurrency} concurrent requests, {warmup.TotalSeconds:0.#} s warm-up then {MaxSlices} slices per path");
        var (directCpu, proxiedCpu) = (CpuPerOperation.Paused(settings.DataDir), CpuPerOperation.Paused(settings.DataDir));
        var (directMax, proxiedMax) = await MaxThroughputAsync(direct, proxied, warmup, slice, directCpu, proxiedCpu, cancellationToken);
        CheckFailures(report, "closed loop, direct", directMax.Latency);
        CheckFailures(report, "closed loop, gateway", proxiedMax.Latency);
        report.Info(Name, "gateway.direct_max_rps", directMax.OperationsPerSecond, 0);
        report.Info(Name, "gateway.proxied_max_rps", proxiedMax.OperationsPerSecond, 0);
        report.Info(Name, "gateway.max_rps_ratio", proxiedMax.OperationsPerSecond / directMax.OperationsPerSecond, 2,
            "proxied / direct");
        // Both paths are CPU-bound on the same two cores, so the ratio is about what a request costs in CPU on each path
        // (the platform's and this load generator's, which shares the cores): what the hop adds shows here by part.
        directCpu.Report(report, Name, "gateway.cpu_ms_per_request.direct", directMax.Latency.Count + directMax.Latency.FailureCount, 3,
            "CPU a request, all parts, at maximum throughput straight to Referrals", "this load generator's CPU a request on the direct path");
        proxiedCpu.Report(report, Name, "gateway.cpu_ms_per_request.proxied", proxiedMax.Latency.Count + proxiedMax.Latency.FailureCount, 3,
            "CPU a request, all parts, at maximum throughput through the gateway", "this load generator's CPU a request through the gateway");

        var rate = Math.Floor(proxiedMax.OperationsPerSecond / 2);
        report.Note($"open loop at {rate:0} req/s (half the gateway's maximum): {warmup.TotalSeconds:0.#} s warm-up then {LatencySlices} slices per path; latency counted from the intended send time");
        var (directLatency, proxiedLatency) = await AtRateAsync(report, direct, proxied, rate, LatencySlices, warmup, slice, cancellationToken);
        report.Info(Name, "gateway.load_rps", rate, 0);
        report.Info(Name, "gateway.direct_p50_ms", directLatency.FromIntended.PercentileMs(50), 2);
        report.Info(Name, "gateway.direct_p99_ms", directLatency.FromIntended.PercentileMs(99), 2);
        report.Info(Name, "gateway.proxied_p50_ms", proxiedLatency.FromIntended.PercentileMs(50), 2);
        report.Info(Name, "gateway.proxied_p99_ms", proxiedLatency.FromIntended.PercentileMs(99), 2);
        report.Add(Name, "gateway.added_p50_ms", Added(50, directLatency, proxiedLatency), 2, AddedP50);
        report.Info(Name, "gateway.added_p99_ms", Added(99, directLatency, proxiedLatency), 2);
        report.Info(Name, "gateway.scheduler_lag_p99_ms",
            Math.Max(directLatency.StartLag.PercentileMs(99), proxiedLatency.StartLag.PercentileMs(99)), 2,
            "how late the load generator started requests; included in the latencies above");

        // At a tenth of the maximum the CPUs are mostly idle, so this is the hop's own cost without queueing.
        var lowRate = Math.Max(20, Math.Floor(proxiedMax.OperationsPerSecond / 10));
        report.Note($"open loop at {lowRate:0} req/s (a tenth of the maximum): {LowLoadSlices} slices per path, for comparison");
        var (directLow, proxiedLow) = await AtRateAsync(report, direct, proxied, lowRate, LowLoadSlices, TimeSpan.Zero, slice, cancellationToken);
        report.Info(Name, "gateway.low_load_rps", lowRate, 0);
        report.Info(Name, "gateway.low_load_added_p50_ms", Added(50, directLow, proxiedLow), 2);
        report.Info(Name, "gateway.low_load_added_p99_ms", Added(99, directLow, proxiedLow), 2);
    }

    private static async Task<(ClosedLoopResult Direct, ClosedLoopResult Proxied)> MaxThroughputAsync(Operation direct, Operation proxied,
        TimeSpan warmup, TimeSpan slice, CpuPerOperation directCpu, CpuPerOperation proxiedCpu, CancellationToken cancellationToken)
    {
        await ClosedLoop.RunAsync(direct, Concurrency, TimeSpan.Zero, warmup, cancellationToken);
        await ClosedLoop.RunAsync(proxied, Concurrency, TimeSpan.Zero, warmup, cancellationToken);
        var (directLatency, proxiedLatency) = (new LatencyRecorder(), new LatencyRecorder());
        var (directRate, proxiedRate) = (0.0, 0.0);
        for (var i = 0; i < MaxSlices; i++)
        {
            directCpu.Resume();
            var d = await ClosedLoop.RunAsync(direct, Concurrency, TimeSpan.Zero, slice, cancellationToken);
            directCpu.End();
            proxiedCpu.Resume();
            var p = await ClosedLoop.RunAsync(proxied, Concurrency, TimeSpan.Zero, slice, cancellationToken);
            proxiedCpu.End();
            directLatency.Add(d.Latency);
            proxiedLatency.Add(p.Latency);
            directRate += d.OperationsPerSecond / MaxSlices;
            proxiedRate += p.OperationsPerSecond / MaxSlices;
        }
        return (new ClosedLoopResult(directRate, directLatency), new ClosedLoopResult(proxiedRate, proxiedLatency));
    }

    private static async Task<(OpenLoopResult Direct, OpenLoopResult Proxied)> AtRateAsync(Report report, Operation direct, Operation proxied,
        double rate, int slices, TimeSpan warmup, TimeSpan slice, CancellationToken cancellationToken)
    {
        if (warmup > TimeSpan.Zero)
        {
            await OpenLoop.RunAsync(direct, rate, TimeSpan.Zero, warmup, cancellationToken);
            await OpenLoop.RunAsync(proxied, rate, TimeSpan.Zero, warmup, cancellationToken);
        }
        var (directResult, proxiedResult) = (OpenLoopResult.Empty(), OpenLoopResult.Empty());
        for (var i = 0; i < slices; i++)
        {
            directResult.Add(await OpenLoop.RunAsync(direct, rate, TimeSpan.Zero, slice, cancellationToken));
            proxiedResult.Add(await OpenLoop.RunAsync(proxied, rate, TimeSpan.Zero, slice, cancellationToken));
        }
        CheckFailures(report, $"open loop at {rate:0} req/s, direct", directResult.FromIntended);
        CheckFailures(report, $"open loop at {rate:0} req/s, gateway", proxiedResult.FromIntended);
        return (directResult, proxiedResult);
    }

    private static double Added(double percentile, OpenLoopResult direct, OpenLoopResult proxied) =>
        proxied.FromIntended.PercentileMs(percentile) - direct.FromIntended.PercentileMs(percentile);

    private Operation Get(HttpClient client, Uri uri) => Operations.Http(client, () => new HttpRequestMessage(HttpMethod.Get, uri)
    {
        Headers = { Authorization = tokens.Next() },
    }, HttpStatusCode.NotFound);

    private static async Task PreflightAsync(Operation operation, string target, CancellationToken cancellationToken)
    {
        if (await operation.TryAsync(cancellationToken) is { } failure)
        {
            throw new InvalidOperationException($"{target} did not answer 404 for an unknown young person ({failure}); is the platform running and the token valid?");
        }
    }

    /// <summary>
    /// Failed requests (a 429 from the rate limiter, a 5xx, a timeout) are fast or slow for the wrong reason, so more
    /// than one in a thousand voids the run; fewer are reported.
    /// </summary>
    private static void CheckFailures(Report report, string phase, LatencyRecorder recorder)
    {
        if (recorder.FailureCount == 0)
        {
            return;
        }
        var fraction = recorder.FailureCount / (double)(recorder.FailureCount + recorder.Count);
        var message = $"{phase}: {recorder.FailureCount} requests failed ({recorder.FailureSummary})";
        if (fraction > 0.001)
        {
            throw new InvalidOperationException(message);
        }
        report.Note(message + "; under 0.1 %, figures kept");
    }
}
