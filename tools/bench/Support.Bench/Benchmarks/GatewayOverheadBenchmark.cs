using System.Net;
using Support.Bench.Load;
using Support.Bench.Platform;
using Support.Bench.Reporting;

namespace Support.Bench.Benchmarks;

/// <summary>
/// The cost of the gateway hop: one GET sent straight to Referrals and the same GET through the gateway. The request
/// reads an unknown young person, so it is authenticated and authorized on both paths, queries the database once and
/// returns 404 without writing an access-log row. First maximum throughput (closed loop), then latency at half the
/// gateway's maximum (open loop) for both paths; the difference is what the gateway adds.
/// </summary>
public sealed class GatewayOverheadBenchmark(BenchSettings settings, TokenPool tokens) : IBenchmark
{
    public static readonly Target AddedP50 = Target.Max(1.5);
    private const int Concurrency = 32;

    public string Name => "gateway";
    public string Title => "Gateway overhead (GET /api/referrals/young-people/{unknown id}, direct vs through the gateway)";

    public IEnumerable<(string Name, Target? Target)> PlannedFigures => [("gateway.added_p50_ms", AddedP50)];

    public async Task RunAsync(Report report, CancellationToken cancellationToken)
    {
        var path = $"/api/referrals/young-people/{Guid.NewGuid()}";
        using var directClient = BenchHttp.CreateClient();
        using var gatewayClient = BenchHttp.CreateClient();
        var direct = Get(directClient, new Uri(settings.Referrals, path));
        var proxied = Get(gatewayClient, new Uri(settings.Gateway, path));
        await PreflightAsync(direct, "referrals (direct)", cancellationToken);
        await PreflightAsync(proxied, "gateway", cancellationToken);

        var warmup = settings.Scaled(2);
        var window = settings.Scaled(5);
        report.Note($"closed loop: {Concurrency} concurrent requests, {warmup.TotalSeconds:0.#} s warm-up, {window.TotalSeconds:0.#} s measured, {tokens.Count} users");
        var directMax = await ClosedLoop.RunAsync(direct, Concurrency, warmup, window, cancellationToken);
        var proxiedMax = await ClosedLoop.RunAsync(proxied, Concurrency, warmup, window, cancellationToken);
        CheckFailures(report, "closed loop, direct", directMax.Latency);
        CheckFailures(report, "closed loop, gateway", proxiedMax.Latency);
        report.Info(Name, "gateway.direct_max_rps", directMax.OperationsPerSecond, 0);
        report.Info(Name, "gateway.proxied_max_rps", proxiedMax.OperationsPerSecond, 0);
        report.Info(Name, "gateway.max_rps_ratio", proxiedMax.OperationsPerSecond / directMax.OperationsPerSecond, 2,
            "proxied / direct");

        var rate = Math.Floor(proxiedMax.OperationsPerSecond / 2);
        var latencyWindow = settings.Scaled(10);
        report.Note($"open loop at {rate:0} req/s (half the gateway's maximum) for {latencyWindow.TotalSeconds:0.#} s per path after {warmup.TotalSeconds:0.#} s warm-up; latency counted from the intended send time");
        var directLatency = await OpenLoop.RunAsync(direct, rate, warmup, latencyWindow, cancellationToken);
        var proxiedLatency = await OpenLoop.RunAsync(proxied, rate, warmup, latencyWindow, cancellationToken);
        CheckFailures(report, "open loop, direct", directLatency.FromIntended);
        CheckFailures(report, "open loop, gateway", proxiedLatency.FromIntended);

        report.Info(Name, "gateway.load_rps", rate, 0);
        report.Info(Name, "gateway.direct_p50_ms", directLatency.FromIntended.PercentileMs(50), 2);
        report.Info(Name, "gateway.direct_p99_ms", directLatency.FromIntended.PercentileMs(99), 2);
        report.Info(Name, "gateway.proxied_p50_ms", proxiedLatency.FromIntended.PercentileMs(50), 2);
        report.Info(Name, "gateway.proxied_p99_ms", proxiedLatency.FromIntended.PercentileMs(99), 2);
        report.Add(Name, "gateway.added_p50_ms",
            proxiedLatency.FromIntended.PercentileMs(50) - directLatency.FromIntended.PercentileMs(50), 2, AddedP50);
        report.Info(Name, "gateway.added_p99_ms",
            proxiedLatency.FromIntended.PercentileMs(99) - directLatency.FromIntended.PercentileMs(99), 2);
        report.Info(Name, "gateway.scheduler_lag_p99_ms",
            Math.Max(directLatency.StartLag.PercentileMs(99), proxiedLatency.StartLag.PercentileMs(99)), 2,
            "how late the load generator started requests; included in the latencies above");
    }

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
