using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Support.Bench.Load;
using Support.Bench.Platform;
using Support.Bench.Reporting;

namespace Support.Bench.Benchmarks;

/// <summary>
/// REC-02: reading one young person's whole chronology. Setup (not timed) registers a young person in Referrals and
/// appends 2,000 case notes to their chronology, 8 at a time, so every append also contends for the same chain head.
/// Timed: the full chronology (<c>GET .../chronology?limit=5000</c>, all 2,000+ entries, each with its hashes and
/// correction links) in a closed loop, straight to Referrals; p95 is judged. The latest page (default 200 entries) and
/// the hash-chain verification are measured for information. Every read is an audited read, so each also writes one
/// access-log row, as in production.
/// </summary>
public sealed class ChronologyBenchmark(BenchSettings settings, TokenPool socialWorkers) : IBenchmark
{
    public static readonly Target FullP95 = Target.Max(100);
    private const int Entries = 2000;
    private const int SetupConcurrency = 8;
    private const int ReadConcurrency = 4;

    public string Name => "chronology";
    public string Title => $"Chronology of one young person with {Entries:N0} entries (GET straight to Referrals)";

    public IEnumerable<(string Name, Target? Target)> PlannedFigures => [("chronology.full_p95_ms", FullP95)];

    public async Task RunAsync(Report report, CancellationToken cancellationToken)
    {
        await PlatformHealth.EnsureReadyAsync(cancellationToken, PlatformHealth.Ready(settings.Referrals));
        using var client = BenchHttp.CreateClient(TimeSpan.FromSeconds(30));

        var setupStarted = Clock.Now;
        var youngPersonId = await RegisterAsync(client, cancellationToken);
        var appends = new LatencyRecorder();
        var firstDay = DateTimeOffset.UtcNow.AddDays(-730);
        await Parallel.ForEachAsync(Enumerable.Range(0, Entries), new ParallelOptions { MaxDegreeOfParallelism = SetupConcurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var body = JsonSerializer.Serialize(new
                {
                    occurredAt = firstDay.AddMinutes(i * 525.6),
                    text = $"Bench case note {i}: contact with the young person and a follow-up agreed with the school.",
                });
                var sent = Clock.Now;
                var failure = await Operations.Http(client, () => Request(HttpMethod.Post, $"/api/referrals/young-people/{youngPersonId}/chronology", body),
                    HttpStatusCode.Created).TryAsync(ct);
                if (failure is null)
                {
                    appends.RecordElapsed(sent, Clock.Now);
                }
                else
                {
                    appends.RecordFailure(failure);
                }
            });
        if (appends.FailureCount > 0)
        {
            report.Note($"setup failures: {appends.FailureSummary}");
        }
        report.Info(Name, "chronology.setup_s", Clock.SecondsBetween(setupStarted, Clock.Now), 1, $"{appends.Count} of {Entries} case notes appended, {SetupConcurrency} at a time");
        report.Info(Name, "chronology.append_p50_ms", appends.PercentileMs(50), 2, "POST of a case note while 7 others append to the same chain");
        report.Info(Name, "chronology.append_p95_ms", appends.PercentileMs(95), 2);
        // What the appends announced is consumed elsewhere; the reads are timed once that is done (PlatformSettle).
        var (settleSeconds, settleNote) = await PlatformSettle.WaitAsync(settings, cancellationToken);
        report.Note($"after setup: {settleNote}");
        report.Info(Name, "chronology.setup_settle_s", settleSeconds, 1, "after setup, before the timed reads: queues drained and the machine quiet");

        var basePath = $"/api/referrals/young-people/{youngPersonId}/chronology";
        var total = await TotalEntriesAsync(client, basePath, cancellationToken);
        report.Info(Name, "chronology.entries", total, 0);

        var full = await ClosedLoop.RunAsync(Operations.Http(client, () => Request(HttpMethod.Get, basePath + "?limit=5000"), HttpStatusCode.OK),
            ReadConcurrency, settings.Scaled(15), settings.Scaled(20), cancellationToken);
        Judge(report, full, "full", $"{ReadConcurrency} concurrent readers");
        var page = await ClosedLoop.RunAsync(Operations.Http(client, () => Request(HttpMethod.Get, basePath), HttpStatusCode.OK),
            ReadConcurrency, settings.Scaled(2), settings.Scaled(8), cancellationToken);
        Judge(report, page, "latest_page", "default page of 200 entries");
        var verify = await ClosedLoop.RunAsync(Operations.Http(client, () => Request(HttpMethod.Get, basePath + "/verify"), HttpStatusCode.OK),
            1, settings.Scaled(2), settings.Scaled(8), cancellationToken);
        Judge(report, verify, "verify", "one reader: recomputes every entry's SHA-256");
    }

    private void Judge(Report report, ClosedLoopResult result, string figure, string note)
    {
        if (result.Latency.FailureCount > 0)
        {
            report.Note($"{figure}: failures {result.Latency.FailureSummary}");
        }
        report.Info(Name, $"chronology.{figure}_rps", result.OperationsPerSecond, 1, note);
        report.Info(Name, $"chronology.{figure}_p50_ms", result.Latency.PercentileMs(50), 2);
        if (figure == "full")
        {
            report.Add(Name, "chronology.full_p95_ms", result.Latency.PercentileMs(95), 2, FullP95);
        }
        else
        {
            report.Info(Name, $"chronology.{figure}_p95_ms", result.Latency.PercentileMs(95), 2);
        }
        report.Info(Name, $"chronology.{figure}_p99_ms", result.Latency.PercentileMs(99), 2);
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string? json = null)
    {
        var message = new HttpRequestMessage(method, new Uri(settings.Referrals, path));
        message.Headers.Authorization = socialWorkers.Next();
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (json is not null)
        {
            message.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        return message;
    }

    private async Task<Guid> RegisterAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new
        {
            givenName = "Bench",
            familyName = "Chronology" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
            dateOfBirth = "2010-01-01",
            gender = "Female",
            localArea = "Bench",
        });
        using var request = Request(HttpMethod.Post, "/api/referrals/young-people", body);
        using var response = await client.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"registering the bench young person answered {(int)response.StatusCode}");
        }
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.GetProperty("id").GetGuid();
    }

    private async Task<int> TotalEntriesAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, path + "?limit=1");
        using var response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.GetProperty("totalEntries").GetInt32();
    }
}
