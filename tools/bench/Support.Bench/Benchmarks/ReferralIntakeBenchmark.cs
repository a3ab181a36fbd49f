using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Support.Bench.Load;
using Support.Bench.Platform;
using Support.Bench.Reporting;

namespace Support.Bench.Benchmarks;

/// <summary>
/// Referral intake through the gateway (issue #3): <c>POST /api/referrals</c> for registered young people, each request
/// a full intake: rule table, re-referral lookup, deadline, the referral row, its audit and the outbox event in one
/// transaction. First the sustained maximum (closed loop), then latency at a fixed 100 requests/s (open loop, counted
/// from the intended send time).
/// </summary>
public sealed class ReferralIntakeBenchmark(BenchSettings settings, TokenPool tokens) : IBenchmark
{
    public static readonly Target SustainedRps = Target.Min(100);
    private const double FixedRate = 100;
    private const int Concurrency = 16;
    private const int YoungPeople = 200;

    public string Name => "intake";
    public string Title => "Referral intake (POST /api/referrals through the gateway)";

    public IEnumerable<(string Name, Target? Target)> PlannedFigures => [("intake.sustained_rps", SustainedRps), ("intake.p99_ms_at_100rps", null)];

    public async Task RunAsync(Report report, CancellationToken cancellationToken)
    {
        await PlatformHealth.EnsureReadyAsync(cancellationToken, PlatformHealth.Ready(settings.Gateway), PlatformHealth.Ready(settings.Referrals));
        using var client = BenchHttp.CreateClient();
        var run = DateTime.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var people = new List<Guid>(YoungPeople);
        for (var i = 0; i < YoungPeople; i++)
        {
            people.Add(await RegisterAsync(client, $"Intake{run}x{i}", cancellationToken));
        }
        report.Note($"{YoungPeople} young people registered (`Bench Intake{run}x<n>`); referrals cycle over them, so most are re-referrals (REF-20 lookup included)");

        var next = -1;
        var refer = Operations.Http(client, () =>
        {
            var person = people[(int)((uint)Interlocked.Increment(ref next) % YoungPeople)];
            return new HttpRequestMessage(HttpMethod.Post, new Uri(settings.Gateway, "/api/referrals"))
            {
                Headers = { Authorization = tokens.Next() },
                Content = new StringContent(Body(person), Encoding.UTF8, "application/json"),
            };
        }, HttpStatusCode.Created);
        if (await refer.TryAsync(cancellationToken) is { } failure)
        {
            throw new InvalidOperationException($"POST /api/referrals failed before the run ({failure})");
        }

        var warmup = settings.Scaled(5);
        var duration = settings.Scaled(20);
        report.Note($"closed loop: {Concurrency} concurrent requests, {warmup.TotalSeconds:0.#} s warm-up, {duration.TotalSeconds:0.#} s measured");
        var max = await ClosedLoop.RunAsync(refer, Concurrency, warmup, duration, cancellationToken);
        report.Add(Name, "intake.sustained_rps", max.OperationsPerSecond, 0, SustainedRps);
        report.Info(Name, "intake.closed_loop_p99_ms", max.Latency.PercentileMs(99), 1);
        report.Info(Name, "intake.closed_loop_failures", max.Latency.FailureCount, 0, max.Latency.FailureCount == 0 ? null : max.Latency.FailureSummary);

        var fixedDuration = settings.Scaled(30);
        report.Note($"open loop at {FixedRate:0} req/s: {warmup.TotalSeconds:0.#} s warm-up, {fixedDuration.TotalSeconds:0.#} s measured");
        var measuredFrom = DateTime.UtcNow + warmup;
        var atRate = await OpenLoop.RunAsync(refer, FixedRate, warmup, fixedDuration, cancellationToken);
        report.Info(Name, "intake.p50_ms_at_100rps", atRate.FromIntended.PercentileMs(50), 1);
        report.Info(Name, "intake.p99_ms_at_100rps", atRate.FromIntended.PercentileMs(99), 1, "the issue sets no target; recorded for comparison");
        report.Info(Name, "intake.failures_at_100rps", atRate.FromIntended.FailureCount, 0,
            atRate.FromIntended.FailureCount == 0 ? null : atRate.FromIntended.FailureSummary);
        report.Info(Name, "intake.scheduler_lag_p99_ms", atRate.StartLag.PercentileMs(99), 2);
        report.Note($"p99 ms by {OpenLoopResult.Window.TotalSeconds:0} s of intended send times from {measuredFrom:HH:mm:ss} UTC: {atRate.WindowP99s}");
    }

    private static string Body(Guid youngPersonId) =>
        $$"""{"youngPersonId":"{{youngPersonId}}","referrerRole":"OutreachWorker","referrerOrganisation":"Bench","cseType":"StreetGrooming","adultInvolved":true,"riskIndicators":["GoingOutALot","MultipleMobilePhones"],"occurredAt":"{{DateTimeOffset.UtcNow.AddHours(-1):O}}","narrative":"Bench referral"}""";

    private async Task<Guid> RegisterAsync(HttpClient client, string familyName, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.Gateway, "/api/referrals/young-people"))
        {
            Headers = { Authorization = tokens.Next() },
            Content = new StringContent(
                $$"""{"givenName":"Bench","familyName":"{{familyName}}","dateOfBirth":"2011-03-01","gender":"Female","localArea":"Bench"}""",
                Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        using var response = await client.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"registering a bench young person answered {(int)response.StatusCode}");
        }
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return json.RootElement.GetProperty("id").GetGuid();
    }
}
