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
/// Issue #4, end to end through the real bus: a return-home interview is completed in Missing (through the gateway)
/// and the risk review it causes is polled in Referrals until it appears. Setup (not timed) registers young people,
/// reports and closes a missing episode for each and offers the interview, then waits for that fan-out to settle
/// (<see cref="PlatformSettle"/>); the timed phase completes the interviews at a fixed rate. Measured from the intended send time of the completion to the first poll that found a review:
/// Missing's outbox relay, RabbitMQ, Referrals' consumer and its database. Afterwards every young person's reviews are
/// counted: none is a lost review, more than one a duplicated review.
/// </summary>
public sealed class InterviewToReviewBenchmark(BenchSettings settings, TokenPool socialWorkers, TokenPool rhiWorkers) : IBenchmark
{
    public static readonly Target ReviewP99 = Target.Max(500);
    public static readonly Target Zero = Target.Max(0);
    private const double Rate = 20;
    private const int SetupConcurrency = 16;
    private const int MaxPollsInFlight = 8;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan KnownWithin = TimeSpan.FromSeconds(15);

    public string Name => "interview";
    public string Title => "Interview to review (POST return-interview complete via gateway -> Referrals risk review visible)";

    public IEnumerable<(string Name, Target? Target)> PlannedFigures =>
        [("interview.review_p99_ms", ReviewP99), ("interview.lost_reviews", Zero), ("interview.duplicated_reviews", Zero)];

    private sealed record Person(Guid YoungPersonId, Guid InterviewId);

    public async Task RunAsync(Report report, CancellationToken cancellationToken)
    {
        if (rhiWorkers.Count == 0)
        {
            throw new InvalidOperationException("no RhiWorker tokens (BENCH_RHI_TOKENS_FILE); run the suite with tools/bench/run.");
        }
        Uri[] involved = [PlatformHealth.Ready(settings.Gateway), PlatformHealth.Ready(settings.Referrals), PlatformHealth.Ready(settings.Missing)];
        await PlatformHealth.EnsureReadyAsync(cancellationToken, involved);
        using var gateway = BenchHttp.CreateClient();
        using var referrals = BenchHttp.CreateClient();
        var duration = settings.Scaled(60);
        var count = (int)(Rate * duration.TotalSeconds);

        // Setup, not timed.
        var runTag = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        report.Note($"setup: {count} young people registered, reported missing, returned and offered an interview ({SetupConcurrency} at a time, not timed)");
        var setupStarted = Clock.Now;
        var people = new Person?[count];
        var setupFailures = new LatencyRecorder();
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = SetupConcurrency, CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                var (person, failure) = await SetUpAsync(gateway, $"{runTag}-{index}", ct);
                people[index] = person;
                if (failure is not null)
                {
                    setupFailures.RecordFailure(failure);
                }
                var n = Interlocked.Increment(ref done);
                if (n % 200 == 0 || n == count)
                {
                    Console.Out.WriteLine($"#   setup {n}/{count} ({BenchSettings.Format(Clock.SecondsBetween(setupStarted, Clock.Now), 1)} s)");
                }
            });
        var ready = people.OfType<Person>().ToArray();
        if (setupFailures.FailureCount > 0)
        {
            report.Note($"setup failures: {setupFailures.FailureSummary}");
        }
        if (ready.Length == 0)
        {
            throw new InvalidOperationException($"setup failed for every young person ({setupFailures.FailureSummary}).");
        }
        report.Info(Name, "interview.setup_s", Clock.SecondsBetween(setupStarted, Clock.Now), 1, $"{ready.Length} of {count} young people ready");
        // The setup's registrations and episodes fan out to every service; the timed phase starts once that is done,
        // or its completions would queue behind the setup's messages and its figures would be the setup's.
        var (settleSeconds, settleNote) = await PlatformSettle.WaitAsync(settings, cancellationToken);
        report.Note($"after setup: {settleNote}");
        report.Info(Name, "interview.setup_settle_s", settleSeconds, 1, "after setup, before the timed phase: queues drained and the machine quiet");

        // Timed phase.
        var complete = new LatencyRecorder();
        var review = new LatencyRecorder();
        var reviewLowerBound = new LatencyRecorder();
        var pollPeriod = new LatencyRecorder();
        var slots = new SemaphoreSlim(MaxPollsInFlight);
        long notVisible = 0;

        async Task CompleteAsync(long index, long intended)
        {
            var person = ready[index];
            var sent = Clock.Now;
            var failure = await CompleteInterviewAsync(gateway, person.InterviewId, cancellationToken);
            if (failure is not null)
            {
                complete.RecordFailure(failure);
                return;
            }
            complete.RecordElapsed(intended, Clock.Now);
            // The review appeared after the last poll that missed it was sent (or after the completion was sent).
            var lastMissSent = sent;
            long? previousSent = null;
            var deadline = Clock.After(intended, GiveUpAfter);
            while (Clock.Now < deadline)
            {
                int? found;
                long polled;
                await slots.WaitAsync(cancellationToken);
                try
                {
                    polled = Clock.Now;
                    found = await ReviewCountAsync(referrals, person.YoungPersonId, cancellationToken);
                }
                finally
                {
                    slots.Release();
                }
                if (previousSent is { } previous)
                {
                    pollPeriod.RecordElapsed(previous, polled);
                }
                previousSent = polled;
                if (found > 0)
                {
                    review.RecordElapsed(intended, Clock.Now);
                    reviewLowerBound.RecordElapsed(intended, lastMissSent);
                    return;
                }
                if (found == 0)
                {
                    lastMissSent = polled;
                }
                else
                {
                    review.RecordFailure("poll error");
                }
                await Task.Delay(PollInterval, cancellationToken);
            }
            // Counted as 30 s, so a lost review cannot flatter the percentiles.
            Interlocked.Increment(ref notVisible);
            review.RecordElapsed(intended, deadline);
        }

        var n = ready.Length;
        report.Note($"{Rate:0} completions/s for {n / Rate:0.#} s ({n} interviews{(n < count ? $", {count - n} lost in setup" : "")}) through {settings.Gateway}; reviews polled straight at Referrals ({settings.Referrals}, so the gateway's per-user limit does not apply to polls) about every {PollInterval.TotalMilliseconds:0} ms, {MaxPollsInFlight} polls at a time; stragglers waited for up to {GiveUpAfter.TotalSeconds:0} s");
        report.Note("polling makes interview.review_* an upper bound (late by up to one poll period plus one GET); interview.review_*_lower_bound_ms bound it from below");
        var startLag = await OpenLoop.ScheduleAsync(Rate, n, CompleteAsync, cancellationToken);
        try
        {
            await PlatformHealth.EnsureReadyAsync(cancellationToken, involved);
        }
        catch (InvalidOperationException e)
        {
            report.Note($"WARNING: {e.Message} The figures below probably include an outage.");
        }

        // Count every interviewed young person's reviews: a duplicate delivery would show up as a second review.
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        long lost = 0, duplicated = 0, uncounted = 0;
        await Parallel.ForEachAsync(ready, new ParallelOptions { MaxDegreeOfParallelism = MaxPollsInFlight, CancellationToken = cancellationToken },
            async (person, ct) =>
            {
                switch (await ReviewCountAsync(referrals, person.YoungPersonId, ct))
                {
                    case null: Interlocked.Increment(ref uncounted); break;
                    case 0: Interlocked.Increment(ref lost); break;
                    case > 1: Interlocked.Increment(ref duplicated); break;
                }
            });

        if (complete.FailureCount > 0 || review.FailureCount > 0)
        {
            report.Note($"failures: completions [{complete.FailureSummary}] polls [{review.FailureSummary}]");
        }
        if (uncounted > 0)
        {
            report.Note($"WARNING: the reviews of {uncounted} young people could not be counted (poll error); lost and duplicated exclude them");
        }
        if (complete.Count == 0)
        {
            throw new InvalidOperationException($"no completion succeeded ({complete.FailureSummary}).");
        }
        report.Info(Name, "interview.completions", complete.Count, 0, $"of {n} attempted");
        report.Info(Name, "interview.complete_p50_ms", complete.PercentileMs(50), 1, "POST complete through the gateway, from intended send time");
        report.Info(Name, "interview.complete_p99_ms", complete.PercentileMs(99), 1);
        report.Info(Name, "interview.review_p50_ms", review.PercentileMs(50), 1, "from intended send time of the completion");
        report.Add(Name, "interview.review_p99_ms", review.PercentileMs(99), 1, ReviewP99);
        report.Info(Name, "interview.review_max_ms", review.MaxMs, 1);
        report.Info(Name, "interview.review_p50_lower_bound_ms", reviewLowerBound.PercentileMs(50), 1);
        report.Info(Name, "interview.review_p99_lower_bound_ms", reviewLowerBound.PercentileMs(99), 1);
        report.Info(Name, "interview.not_visible_within_30s", Interlocked.Read(ref notVisible), 0);
        report.Add(Name, "interview.lost_reviews", lost, 0, Zero, $"completed interviews whose young person has no review (of {n})");
        report.Add(Name, "interview.duplicated_reviews", duplicated, 0, Zero, "young people with more than one review");
        report.Info(Name, "interview.poll_period_p50_ms", pollPeriod.PercentileMs(50), 1, "time between two polls of one young person");
        report.Info(Name, "interview.poll_period_p99_ms", pollPeriod.PercentileMs(99), 1);
        report.Info(Name, "interview.scheduler_lag_p99_ms", startLag.PercentileMs(99), 2);
    }

    private async Task<(Person? Person, string? Failure)> SetUpAsync(HttpClient gateway, string tag, CancellationToken cancellationToken)
    {
        try
        {
            var (status, json, _) = await SendAsync(gateway, HttpMethod.Post, "/api/referrals/young-people", socialWorkers.Next(),
                $$"""{"givenName":"Bench","familyName":"Interview{{tag}}","dateOfBirth":"2010-01-01","gender":"Female","localArea":"Bench"}""", cancellationToken);
            if (status != HttpStatusCode.Created || json is null)
            {
                return (null, $"register status {(int)status}");
            }
            var youngPersonId = json.Value.GetProperty("id").GetGuid();

            // Missing learns of the young person from the bus; until then it refuses the episode as invalid (422).
            var now = DateTimeOffset.UtcNow;
            var episodeBody = $$"""{"youngPersonId":"{{youngPersonId}}","missingFrom":"Home","lastSeenAt":"{{Iso(now.AddHours(-6))}}","lastSeenLocation":"Bench street {{tag}}","reportedBy":"Bench","circumstances":"Bench"}""";
            var knownBy = Clock.After(Clock.Now, KnownWithin);
            Guid? episodeId = null;
            while (episodeId is null)
            {
                (status, json, _) = await SendAsync(gateway, HttpMethod.Post, "/api/missing/episodes", socialWorkers.Next(), episodeBody, cancellationToken);
                if (status == HttpStatusCode.Created && json is not null)
                {
                    episodeId = json.Value.GetProperty("id").GetGuid();
                }
                else if (status != HttpStatusCode.UnprocessableEntity || Clock.Now > knownBy)
                {
                    return (null, status == HttpStatusCode.UnprocessableEntity ? "not known to Missing within 15 s" : $"episode status {(int)status}");
                }
                else
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
                }
            }

            (status, _, var location) = await SendAsync(gateway, HttpMethod.Post, $"/api/missing/episodes/{episodeId}/return", socialWorkers.Next(),
                $$"""{"returnedAt":"{{Iso(DateTimeOffset.UtcNow)}}","whereFound":"Bench place {{tag}}","howReturned":"Bench"}""", cancellationToken);
            if (status != HttpStatusCode.Created || location is null || !Guid.TryParse(location.TrimEnd('/').Split('/')[^1], out var interviewId))
            {
                return (null, $"return status {(int)status}");
            }

            (status, _, _) = await SendAsync(gateway, HttpMethod.Post, $"/api/missing/return-interviews/{interviewId}/offer", rhiWorkers.Next(),
                $$"""{"offeredAt":"{{Iso(DateTimeOffset.UtcNow)}}"}""", cancellationToken);
            return status == HttpStatusCode.OK ? (new Person(youngPersonId, interviewId), null) : (null, $"offer status {(int)status}");
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

    private async Task<string?> CompleteInterviewAsync(HttpClient gateway, Guid interviewId, CancellationToken cancellationToken)
    {
        var body = $$"""{"conductedAt":"{{Iso(DateTimeOffset.UtcNow)}}","whereTheyWere":"Bench","riskIndicators":["PickedUpByTaxi"],"disclosureMade":false,"informationSharingBasis":"SafeguardingOverride"}""";
        try
        {
            var (status, _, _) = await SendAsync(gateway, HttpMethod.Post, $"/api/missing/return-interviews/{interviewId}/complete", rhiWorkers.Next(), body, cancellationToken);
            return (int)status is >= 200 and < 300 ? null : $"status {(int)status}";
        }
        catch (HttpRequestException e)
        {
            return $"http error {e.HttpRequestError}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "timeout";
        }
    }

    /// <summary>The number of risk reviews Referrals holds for the young person, or null when the poll failed.</summary>
    private async Task<int?> ReviewCountAsync(HttpClient referrals, Guid youngPersonId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(settings.Referrals, $"/api/referrals/risk-reviews?youngPersonId={youngPersonId}"))
        {
            Headers = { Authorization = socialWorkers.Next() },
        };
        try
        {
            using var response = await referrals.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }
            await using var content = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var json = await JsonDocument.ParseAsync(content, cancellationToken: cancellationToken);
            return json.RootElement.GetArrayLength();
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

    private async Task<(HttpStatusCode Status, JsonElement? Json, string? Location)> SendAsync(
        HttpClient client, HttpMethod method, string path, AuthenticationHeaderValue token, string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(settings.Gateway, path))
        {
            Headers = { Authorization = token },
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        using var response = await client.SendAsync(request, cancellationToken);
        var location = response.Headers.Location?.OriginalString;
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) != true)
        {
            return (response.StatusCode, null, location);
        }
        await using var content = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var json = await JsonDocument.ParseAsync(content, cancellationToken: cancellationToken);
        return (response.StatusCode, json.RootElement.Clone(), location);
    }

    private static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
