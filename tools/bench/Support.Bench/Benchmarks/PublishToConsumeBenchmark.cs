using System.Net;
using System.Text;
using System.Text.Json;
using Npgsql;
using Support.Bench.Load;
using Support.Bench.Platform;
using Support.Bench.Reporting;

namespace Support.Bench.Benchmarks;

/// <summary>
/// End to end through the real platform: young people are registered through the gateway at a fixed rate, and
/// Outreach's database is watched for each one's projection row (<see cref="ProjectionWatcher"/>), which is then read
/// once through Outreach's API. Measured from the moment the POST returned to the first query that found the row:
/// Referrals' outbox relay, RabbitMQ, Outreach's consumer and its commit.
/// </summary>
public sealed class PublishToConsumeBenchmark(BenchSettings settings, TokenPool tokens) : IBenchmark
{
    public static readonly Target VisibleP99 = Target.Max(250);
    private const double Rate = 50;

    public string Name => "e2e";
    public string Title => "Publish to consume (POST /api/referrals/young-people via gateway -> Outreach projection visible)";

    public IEnumerable<(string Name, Target? Target)> PlannedFigures => [("e2e.visible_p99_ms", VisibleP99)];

    public async Task RunAsync(Report report, CancellationToken cancellationToken)
    {
        Uri[] involved = [PlatformHealth.Ready(settings.Gateway), PlatformHealth.Ready(settings.Referrals), PlatformHealth.Ready(settings.Outreach)];
        await PlatformHealth.EnsureReadyAsync(cancellationToken, involved);
        using var gateway = BenchHttp.CreateClient();
        using var outreach = BenchHttp.CreateClient();
        await using var outreachDatabase = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(settings.PostgresAdmin) { Database = "support_outreach" }.ConnectionString);
        var watcher = new ProjectionWatcher(outreachDatabase, outreach, settings.Outreach, tokens);
        var warmup = settings.Scaled(2);
        var duration = settings.Scaled(20);
        var warmupCount = (long)(Rate * warmup.TotalSeconds);
        var count = (long)(Rate * duration.TotalSeconds);
        var post = new LatencyRecorder();

        async Task RegisterAsync(long index, long intended)
        {
            var (id, failure) = await PostAsync(gateway, index, cancellationToken);
            var posted = Clock.Now;
            var record = index >= warmupCount;
            if (id is null)
            {
                post.RecordFailure(failure ?? "no id");
                return;
            }
            if (record)
            {
                post.RecordElapsed(intended, posted);
            }
            watcher.Watch(id.Value, posted, record);
        }

        report.Note($"{Rate:0} registrations/s for {warmup.TotalSeconds:0.#} s of warm-up (not counted) then {duration.TotalSeconds:0.#} s through {settings.Gateway}; Outreach's database queried for all pending ids at once about every {ProjectionWatcher.PollInterval.TotalMilliseconds:0} ms, each row found then read once through Outreach's API ({settings.Outreach})");
        report.Note("watching makes e2e.visible_* an upper bound (late by up to one query period plus one query); e2e.visible_*_lower_bound_ms bound it from below");
        // CPU is counted over the whole run, warm-up included, until the last id was seen or given up on.
        var cpu = CpuPerOperation.Start(settings.DataDir);
        watcher.Start(cancellationToken);
        var startLag = await OpenLoop.ScheduleAsync(Rate, warmupCount + count, RegisterAsync, cancellationToken);
        await watcher.CompletionAsync();
        cpu.End();
        try
        {
            await PlatformHealth.EnsureReadyAsync(cancellationToken, involved);
        }
        catch (InvalidOperationException e)
        {
            report.Note($"WARNING: {e.Message} The figures below probably include an outage.");
        }

        if (post.FailureCount > 0 || watcher.ApiReads.FailureCount > 0)
        {
            report.Note($"failures: registrations [{post.FailureSummary}] reads of a projection found in the database [{watcher.ApiReads.FailureSummary}]");
        }
        if (post.Count == 0)
        {
            throw new InvalidOperationException($"no registration succeeded ({post.FailureSummary}).");
        }
        var visible = watcher.Visible;
        report.Info(Name, "e2e.registrations", post.Count, 0, $"of {count} attempted");
        report.Info(Name, "e2e.post_p50_ms", post.PercentileMs(50), 1, "POST through the gateway, from intended send time");
        report.Info(Name, "e2e.post_p99_ms", post.PercentileMs(99), 1);
        report.Info(Name, "e2e.visible_p50_ms", visible.PercentileMs(50), 1);
        report.Add(Name, "e2e.visible_p99_ms", visible.PercentileMs(99), 1, VisibleP99);
        report.Info(Name, "e2e.visible_max_ms", visible.MaxMs, 1);
        report.Info(Name, "e2e.visible_p50_lower_bound_ms", watcher.VisibleLowerBound.PercentileMs(50), 1);
        report.Info(Name, "e2e.visible_p99_lower_bound_ms", watcher.VisibleLowerBound.PercentileMs(99), 1);
        report.Info(Name, "e2e.not_visible_within_10s", watcher.NotVisible, 0);
        report.Info(Name, "e2e.poll_period_p50_ms", watcher.PollPeriod.PercentileMs(50), 1, "time between two queries of Outreach's database");
        report.Info(Name, "e2e.poll_period_p99_ms", watcher.PollPeriod.PercentileMs(99), 1);
        report.Info(Name, "e2e.api_read_p99_ms", watcher.ApiReads.PercentileMs(99), 1, "one GET of each projection found, through Outreach's API");
        report.Info(Name, "e2e.api_read_failures", watcher.ApiReads.FailureCount, 0, "projections found in the database that the API did not serve with 200");
        report.Info(Name, "e2e.scheduler_lag_p99_ms", startLag.PercentileMs(99), 2);
        // Where a registration's work is done: its POST, the relay, every service's consumers, the database and the
        // broker. Outreach's and PostgreSQL's figures include the watching (e2e.polls queries, one API read per id).
        var registered = post.Count + warmupCount;
        report.Info(Name, "e2e.polls", watcher.Polls, 0, "queries of Outreach's database, all pending ids in each");
        cpu.Report(report, Name, "e2e.cpu_ms_per_registration", registered, 2,
            $"{registered} registrations, warm-up included; the benchmark's own process is not counted",
            "this process: the POSTs, their tokens and the watching, on the same cores");
    }

    private async Task<(Guid? Id, string? Failure)> PostAsync(HttpClient gateway, long index, CancellationToken cancellationToken)
    {
        var body = $$"""{"givenName":"Bench","familyName":"Person{{index}}","dateOfBirth":"2010-01-01","gender":"Female","localArea":"Bench"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.Gateway, "/api/referrals/young-people"))
        {
            Headers = { Authorization = tokens.Next() },
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        try
        {
            using var response = await gateway.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return (null, $"status {(int)response.StatusCode}");
            }
            await using var content = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var json = await JsonDocument.ParseAsync(content, cancellationToken: cancellationToken);
            return (json.RootElement.GetProperty("id").GetGuid(), null);
        }
        catch (HttpRequestException e)
        {
            return (null, $"http error {e.HttpRequestError}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "timeout");
        }
    }
}
