using System.Net;
using System.Text;
using System.Text.Json;
using Support.Bench.Load;
using Support.Bench.Platform;
using Support.Bench.Reporting;

namespace Support.Bench.Benchmarks;

/// <summary>
/// End to end through the real platform: young people are registered through the gateway at a fixed rate, and each
/// one's projection is polled in Outreach until it answers 200. Measured from the moment the POST returned to the
/// first poll that found the projection: Referrals' outbox relay, RabbitMQ, Outreach's consumer and its database.
/// </summary>
public sealed class PublishToConsumeBenchmark(BenchSettings settings, TokenPool tokens) : IBenchmark
{
    public static readonly Target VisibleP99 = Target.Max(250);
    private const double Rate = 50;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(10);

    public string Name => "e2e";
    public string Title => "Publish to consume (POST /api/referrals/young-people via gateway -> Outreach projection visible)";

    public IEnumerable<(string Name, Target? Target)> PlannedFigures => [("e2e.visible_p99_ms", VisibleP99)];

    public async Task RunAsync(Report report, CancellationToken cancellationToken)
    {
        using var gateway = BenchHttp.CreateClient();
        using var outreach = BenchHttp.CreateClient();
        var duration = settings.Scaled(20);
        var count = (long)(Rate * duration.TotalSeconds);
        var post = new LatencyRecorder();
        var visible = new LatencyRecorder();
        var visibleLowerBound = new LatencyRecorder();
        long notVisible = 0;

        async Task RegisterAndWatchAsync(long index, long intended)
        {
            var (id, failure) = await RegisterAsync(gateway, index, cancellationToken);
            var posted = Clock.Now;
            if (id is null)
            {
                post.RecordFailure(failure ?? "no id");
                return;
            }
            post.RecordElapsed(intended, posted);

            // The projection appeared after the last poll that missed it was sent, and before the first hit returned.
            var lastMissSent = posted;
            var deadline = Clock.After(posted, GiveUpAfter);
            while (Clock.Now < deadline)
            {
                var sent = Clock.Now;
                var status = await ProjectionStatusAsync(outreach, id.Value, cancellationToken);
                if (status == HttpStatusCode.OK)
                {
                    visible.RecordElapsed(posted, Clock.Now);
                    visibleLowerBound.RecordElapsed(posted, lastMissSent);
                    return;
                }
                if (status != HttpStatusCode.NotFound)
                {
                    visible.RecordFailure($"poll status {(int?)status}");
                }
                lastMissSent = sent;
                await Task.Delay(PollInterval, cancellationToken);
            }
            Interlocked.Increment(ref notVisible);
            visible.RecordElapsed(posted, deadline); // counted as 10 s, so a lost message cannot flatter the p99
        }

        report.Note($"{Rate:0} registrations/s for {duration.TotalSeconds:0.#} s through {settings.Gateway}; each id polled straight at Outreach ({settings.Outreach}) every ~{PollInterval.TotalMilliseconds:0} ms");
        report.Note("polling makes the figures an upper bound, late by up to one poll interval plus one GET; e2e.visible_*_lower_bound_ms brackets it from below");
        var startLag = await OpenLoop.ScheduleAsync(Rate, count, RegisterAndWatchAsync, cancellationToken);

        if (post.FailureCount > 0 || visible.FailureCount > 0)
        {
            report.Note($"failures: registrations [{post.FailureSummary}] polls [{visible.FailureSummary}]");
        }
        if (post.Count == 0)
        {
            throw new InvalidOperationException($"no registration succeeded ({post.FailureSummary}).");
        }
        report.Info(Name, "e2e.registrations", post.Count, 0, $"of {count} attempted");
        report.Info(Name, "e2e.post_p50_ms", post.PercentileMs(50), 1, "POST through the gateway, from intended send time");
        report.Info(Name, "e2e.post_p99_ms", post.PercentileMs(99), 1);
        report.Info(Name, "e2e.visible_p50_ms", visible.PercentileMs(50), 1);
        report.Add(Name, "e2e.visible_p99_ms", visible.PercentileMs(99), 1, VisibleP99);
        report.Info(Name, "e2e.visible_max_ms", visible.MaxMs, 1);
        report.Info(Name, "e2e.visible_p50_lower_bound_ms", visibleLowerBound.PercentileMs(50), 1);
        report.Info(Name, "e2e.visible_p99_lower_bound_ms", visibleLowerBound.PercentileMs(99), 1);
        report.Info(Name, "e2e.not_visible_within_10s", notVisible, 0);
        report.Info(Name, "e2e.scheduler_lag_p99_ms", startLag.PercentileMs(99), 2);
    }

    private async Task<(Guid? Id, string? Failure)> RegisterAsync(HttpClient gateway, long index, CancellationToken cancellationToken)
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

    private async Task<HttpStatusCode?> ProjectionStatusAsync(HttpClient outreach, Guid id, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(settings.Outreach, $"/api/outreach/young-people/{id}"))
        {
            Headers = { Authorization = tokens.Next() },
        };
        try
        {
            using var response = await outreach.SendAsync(request, cancellationToken);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
