using Support.Bench;
using Support.Bench.Benchmarks;
using Support.Bench.Platform;
using Support.Bench.Reporting;

// Runs the benchmarks against the platform started by tools/run and prints one line per figure, a summary and a
// markdown table. Usage (through tools/bench/run): [--quick] [--only gateway,e2e,interview,intake,outreach-contacts,supportline-webhooks,chronology,relay,alerts,outreach-hotspots,commissioner-reports,unmet-need-ingest,memory,startup]
var settings = BenchSettings.Load(args);
var tokens = new TokenPool(settings.Tokens);
var rhiTokens = new TokenPool(settings.RhiTokens);
var outreachTokens = new TokenPool(settings.OutreachTokens);
var supportLineOperators = new TokenPool(settings.SupportLineTokens);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Let the benchmarks clean up: kill extra instances, drop the scratch database and vhost.
    e.Cancel = true;
    stop.Cancel();
};

IBenchmark[] benchmarks =
[
    new MemoryBenchmark(settings, "idle"),
    new GatewayOverheadBenchmark(settings, tokens),
    new PublishToConsumeBenchmark(settings, tokens),
    new InterviewToReviewBenchmark(settings, tokens, rhiTokens),
    new ReferralIntakeBenchmark(settings, tokens),
    new OutreachContactsBenchmark(settings, tokens, outreachTokens),
    new SupportLineWebhooksBenchmark(settings, supportLineOperators),
    new ChronologyBenchmark(settings, tokens),
    new RelayDrainBenchmark(settings),
    new LeavingCareAlertJobBenchmark(settings),
    new OutreachHotspotsBenchmark(settings),
    new CommissionerReportsBenchmark(settings),
    new UnmetNeedIngestBenchmark(settings),
    new MemoryBenchmark(settings, "after_load"),
    new StartupBenchmark(settings),
];

var report = new Report(Console.Out);
report.Note($"Support platform benchmarks{(settings.Quick ? " (QUICK MODE: shortened phases, not for recording)" : "")}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} CPUs, {Machine.MemoryGiB():0.#} GiB");
var settleLoad = double.TryParse(Environment.GetEnvironmentVariable("BENCH_SETTLE_LOAD"), System.Globalization.CultureInfo.InvariantCulture, out var limit) ? limit : 2;
var settled = await Machine.SettleAsync(settleLoad, TimeSpan.FromSeconds(90), stop.Token);
report.Note($"waited {settled.TotalSeconds:0} s (at most 90) for the load average to fall under {settleLoad} (BENCH_SETTLE_LOAD)");
report.Info("machine", "machine.load_avg_1m_before", Machine.LoadAverage1m(), 2, $"{Environment.ProcessorCount} CPUs; a higher load average means other work competed");
using var backlog = new BrokerBacklog(settings.RabbitMqManagement, settings.RabbitMq);
// Without the platform (only the benchmarks that make their own database or vhost) nobody consumes the platform's
// queues, so there is nothing to wait for.
var platformRunning = await PlatformRunningAsync(settings, stop.Token);
var first = true;
foreach (var benchmark in benchmarks.Where(b => settings.Runs(b.Name)))
{
    report.Section(benchmark.Title);
    try
    {
        if (!first && platformRunning)
        {
            // Each benchmark measures its own work, not the fan-out the one before left behind (PlatformSettle).
            report.Note((await PlatformSettle.WaitAsync(backlog, stop.Token)).Note);
        }
        first = false;
        await benchmark.RunAsync(report, stop.Token);
    }
    catch (OperationCanceledException) when (stop.IsCancellationRequested)
    {
        report.Note($"interrupted during {benchmark.Name}; later benchmarks skipped");
        break;
    }
    catch (Exception e)
    {
        Console.Error.WriteLine($"{benchmark.Name} failed: {e.GetType().Name}: {e.Message}");
        foreach (var (name, target) in benchmark.PlannedFigures.Where(f => !report.Has(f.Name)))
        {
            report.NotMeasured(benchmark.Name, name, target, $"benchmark failed: {e.GetType().Name}: {e.Message}");
        }
    }
}
report.Info("machine", "machine.load_avg_1m_after", Machine.LoadAverage1m(), 2);
report.PrintSummary();
return stop.IsCancellationRequested ? 130 : 0;

static async Task<bool> PlatformRunningAsync(BenchSettings settings, CancellationToken cancellationToken)
{
    try
    {
        await PlatformHealth.EnsureReadyAsync(cancellationToken, PlatformHealth.Ready(settings.Gateway));
        return true;
    }
    catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
    {
        return false;
    }
}
