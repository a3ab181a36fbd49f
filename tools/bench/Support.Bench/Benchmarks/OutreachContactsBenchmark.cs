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
/// Issue 11, OUT-01: an outreach worker logs a contact from a phone, <c>POST /api/outreach/contacts</c> through the
/// gateway, each request with a fresh <c>Idempotency-Key</c> as the app sends it. Setup (not timed) records a few
/// locations and aliases and registers a few young people in Referrals, then waits until Outreach knows them (a probe
/// contact, retried while Outreach answers 422). The timed requests alternate between an alias (no event: an unmatched
/// alias reaches no chronology) and a registered young person (the contact, its idempotency key and the
/// <c>OutreachContactRecorded</c> outbox row in one transaction, then Referrals' chronology consumer), at one of the
/// locations, a concern level on every fourth. First latency at a fixed 100 requests/s (open loop, counted from the
/// intended send time), judged against p99 ≤ 50 ms; then the sustained maximum (closed loop), for information. The
/// fixed rate runs first so that the outbox backlog a saturating phase leaves behind cannot land on the judged figure.
/// </summary>
public sealed class OutreachContactsBenchmark(BenchSettings settings, TokenPool socialWorkers, TokenPool outreachWorkers) : IBenchmark
{
    public static readonly Target P99AtFixedRate = Target.Max(50);
    private const double FixedRate = 100;
    private const int Concurrency = 16;
    private const int Locations = 8;
    private const int Aliases = 32;
    private const int YoungPeople = 32;
    private static readonly TimeSpan KnownWithin = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(50);
    private static readonly string[] LocationTypes = ["Park", "Takeaway", "TaxiOrOperator", "TransportInterchange", "SchoolGate", "ShoppingCentre", "TownCentre", "Alleyway"];
    private static readonly string[] Concerns = ["Low", "Medium", "High", "VeryHigh"];

    public string Name => "outreach-contacts";
    public string Title => "Outreach contact logging (POST /api/outreach/contacts through the gateway, Idempotency-Key per request)";

    public IEnumerable<(string Name, Target? Target)> PlannedFigures =>
        [("outreach-contacts.p99_ms_at_100rps", P99AtFixedRate), ("outreach-contacts.sustained_rps", null)];

    /// <summary>Who a contact is about: exactly one of the two (OUT-02).</summary>
    private sealed record Subject(Guid? YoungPersonId, Guid? AliasId);

    public async Task RunAsync(Report report, CancellationToken cancellationToken)
    {
        if (outreachWorkers.Count == 0)
        {
            throw new InvalidOperationException("no OutreachWorker tokens (BENCH_OUTREACH_TOKENS_FILE); run the suite with tools/bench/run.");
        }
        await PlatformHealth.EnsureReadyAsync(cancellationToken,
            PlatformHealth.Ready(settings.Gateway), PlatformHealth.Ready(settings.Outreach), PlatformHealth.Ready(settings.Referrals));
        using var client = BenchHttp.CreateClient();
        var run = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

        // Setup, not timed.
        var setupStarted = Clock.Now;
        var locations = new List<Guid>(Locations);
        for (var i = 0; i < Locations; i++)
        {
            locations.Add(await CreateAsync(client, "/api/outreach/locations", outreachWorkers,
                $$"""{"name":"Bench Outreach {{run}} place {{i}}","type":"{{LocationTypes[i % LocationTypes.Length]}}","area":"Bench"}""",
                cancellationToken));
        }
        var aliases = new List<Subject>(Aliases);
        for (var i = 0; i < Aliases; i++)
        {
            var alias = await CreateAsync(client, "/api/outreach/aliases", outreachWorkers,
                $$"""{"name":"Bench {{run}} alias {{i}}","approximateAge":{{13 + i % 5}},"area":"Bench"}""", cancellationToken);
            aliases.Add(new Subject(null, alias));
        }
        var people = new List<Guid>(YoungPeople);
        for (var i = 0; i < YoungPeople; i++)
        {
            people.Add(await CreateAsync(client, "/api/referrals/young-people", socialWorkers,
                $$"""{"givenName":"Bench","familyName":"OutreachContacts{{run}}x{{i}}","dateOfBirth":"2011-03-01","gender":"Female","localArea":"Bench"}""",
                cancellationToken));
        }
        // Registrations reach Outreach over the bus; until then a contact about them is a 422. The probe contacts stay.
        var knownBy = Clock.After(Clock.Now, KnownWithin);
        var registered = new List<Subject>(YoungPeople);
        foreach (var person in people)
        {
            var subject = new Subject(person, null);
            await ProbeUntilKnownAsync(client, subject, locations[0], knownBy, cancellationToken);
            registered.Add(subject);
        }
        // Alias, young person, alias, ...: half the contacts announce OutreachContactRecorded through the outbox.
        var ordered = aliases.Zip(registered).SelectMany(pair => new[] { pair.First, pair.Second }).ToArray();
        report.Info(Name, "outreach-contacts.setup_s", Clock.SecondsBetween(setupStarted, Clock.Now), 1,
            $"{Locations} locations, {Aliases} aliases and {YoungPeople} registered young people (`Bench OutreachContacts{run}x<n>`), waited for in Outreach");

        var next = -1L;
        var logContact = Operations.Http(client, () =>
        {
            var n = Interlocked.Increment(ref next);
            // Both kinds of subject visit every location.
            return ContactRequest(ordered[n % ordered.Length], locations[(int)(n / 2 % Locations)], n);
        }, HttpStatusCode.Created);
        if (await logContact.TryAsync(cancellationToken) is { } failure)
        {
            throw new InvalidOperationException($"POST /api/outreach/contacts failed before the run ({failure})");
        }

        var warmup = settings.Scaled(5);
        var fixedDuration = settings.Scaled(60);
        report.Note($"open loop at {FixedRate:0} req/s: {warmup.TotalSeconds:0.#} s warm-up, {fixedDuration.TotalSeconds:0.#} s measured; {outreachWorkers.Count} OutreachWorker users; latency counted from the intended send time");
        var started = Clock.Now;
        var measuredFrom = DateTime.UtcNow + warmup;
        // Where the fixed rate's work is done, background included (the relay, Referrals' chronology, the hotspot upkeep):
        // at a rate that saturates nothing, CPU a contact is what the machine has left for everything else.
        var cpu = CpuPerOperation.Start(settings.DataDir);
        var atRate = await OpenLoop.RunAsync(logContact, FixedRate, warmup, fixedDuration, cancellationToken);
        cpu.End();
        var measuredFor = Clock.SecondsBetween(started, Clock.Now) - warmup.TotalSeconds;
        if (atRate.FromIntended.Count == 0)
        {
            throw new InvalidOperationException($"no contact was logged at {FixedRate:0} req/s ({atRate.FromIntended.FailureSummary})");
        }
        report.Info(Name, "outreach-contacts.achieved_rps_at_100rps", atRate.FromIntended.Count / measuredFor, 1,
            "contacts logged (201) per second over the measured phase, until the last answer");
        report.Info(Name, "outreach-contacts.p50_ms_at_100rps", atRate.FromIntended.PercentileMs(50), 1);
        report.Info(Name, "outreach-contacts.p95_ms_at_100rps", atRate.FromIntended.PercentileMs(95), 1);
        report.Add(Name, "outreach-contacts.p99_ms_at_100rps", atRate.FromIntended.PercentileMs(99), 1, P99AtFixedRate,
            atRate.FromIntended.FailureCount == 0 ? null : $"{atRate.FromIntended.FailureCount} failed requests are not in the latencies");
        report.Info(Name, "outreach-contacts.max_ms_at_100rps", atRate.FromIntended.MaxMs, 1);
        report.Info(Name, "outreach-contacts.failures_at_100rps", atRate.FromIntended.FailureCount, 0,
            atRate.FromIntended.FailureCount == 0 ? null : atRate.FromIntended.FailureSummary);
        report.Info(Name, "outreach-contacts.scheduler_lag_p99_ms", atRate.StartLag.PercentileMs(99), 2,
            "how late the load generator started requests; included in the latencies above");
        report.Note($"p99 ms by {OpenLoopResult.Window.TotalSeconds:0} s of intended send times from {measuredFrom:HH:mm:ss} UTC: {atRate.WindowP99s}");
        var posted = (long)(FixedRate * (warmup + fixedDuration).TotalSeconds);
        cpu.Report(report, Name, "outreach-contacts.cpu_ms_per_contact_at_100rps", posted, 2,
            $"{posted} contacts posted at the fixed rate, warm-up included; this process not counted; 10 ms a contact is one core",
            "this process: posting each contact, on the same cores");

        var closedDuration = settings.Scaled(20);
        report.Note($"closed loop: {Concurrency} concurrent requests, {warmup.TotalSeconds:0.#} s warm-up, {closedDuration.TotalSeconds:0.#} s measured");
        var max = await ClosedLoop.RunAsync(logContact, Concurrency, warmup, closedDuration, cancellationToken);
        report.Info(Name, "outreach-contacts.sustained_rps", max.OperationsPerSecond, 0, "contacts logged (201) per second with 16 requests always in flight");
        report.Info(Name, "outreach-contacts.closed_loop_p99_ms", max.Latency.PercentileMs(99), 1);
        report.Info(Name, "outreach-contacts.closed_loop_failures", max.Latency.FailureCount, 0,
            max.Latency.FailureCount == 0 ? null : max.Latency.FailureSummary);
    }

    /// <summary>
    /// A contact as the phone app sends it: the worker's time with its offset and an idempotency key, fresh for each
    /// new contact (a key is unique per recorder, so a retry must come from the same user with the same key).
    /// </summary>
    private HttpRequestMessage ContactRequest(Subject subject, Guid location, long n, AuthenticationHeaderValue? worker = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.Gateway, "/api/outreach/contacts"))
        {
            Headers = { Authorization = worker ?? outreachWorkers.Next() },
            Content = new StringContent(ContactBody(subject, location, n), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString("N"));
        return request;
    }

    private static string ContactBody(Subject subject, Guid location, long n)
    {
        var who = subject.YoungPersonId is { } youngPersonId ? $"\"youngPersonId\":\"{youngPersonId}\"" : $"\"aliasId\":\"{subject.AliasId}\"";
        var concern = n % 4 == 0 ? $",\"concern\":\"{Concerns[n / 4 % Concerns.Length]}\"" : "";
        var contactedAt = DateTimeOffset.UtcNow.AddMinutes(-20).ToString("O", CultureInfo.InvariantCulture);
        return $$"""{{{who}},"channel":"Street","contactedAt":"{{contactedAt}}","locationId":"{{location}}","notes":"Bench contact {{n}}: seen by the shops with the older group, said she was fine and going home; given the drop-in card."{{concern}}}""";
    }

    /// <summary>Posts a record and returns the id of what it created (201 expected).</summary>
    private async Task<Guid> CreateAsync(HttpClient client, string path, TokenPool tokens, string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.Gateway, path))
        {
            Headers = { Authorization = tokens.Next() },
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        using var response = await client.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"setup: POST {path} answered {(int)response.StatusCode}");
        }
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return json.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Logs a contact about a newly registered young person, retrying while Outreach does not know them yet (422).</summary>
    private async Task ProbeUntilKnownAsync(HttpClient client, Subject subject, Guid location, long deadline, CancellationToken cancellationToken)
    {
        // The same worker and key on every try, as the app retries: whatever happens, one contact at most.
        var worker = outreachWorkers.Next();
        var key = Guid.NewGuid().ToString("N");
        while (true)
        {
            using var request = ContactRequest(subject, location, 0, worker, key);
            using var response = await client.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return;
            }
            if (response.StatusCode != HttpStatusCode.UnprocessableEntity)
            {
                throw new InvalidOperationException($"setup: a probe contact answered {(int)response.StatusCode}");
            }
            if (Clock.Now > deadline)
            {
                throw new InvalidOperationException(
                    $"setup: young person {subject.YoungPersonId} not known to Outreach within {KnownWithin.TotalSeconds:0} s of registering (still 422)");
            }
            await Task.Delay(ProbeInterval, cancellationToken);
        }
    }
}
