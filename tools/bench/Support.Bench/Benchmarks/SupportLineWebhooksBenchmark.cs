using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Npgsql;
using Support.Bench.Load;
using Support.Bench.Platform;
using Support.Bench.Reporting;
using Support.SupportLine.Domain;

namespace Support.Bench.Benchmarks;

/// <summary>
/// Issue 12: signed inbound texts, <c>POST /api/supportline/webhooks/twilio/sms</c> through the gateway, form-encoded
/// and signed as Twilio signs them (<see cref="TwilioWebhook"/>). Four judged figures: p99 at a fixed 200 texts/s
/// (open loop, from the intended send time), the sustained maximum with no errors (closed loop), duplicates after a
/// replay of every text with the same MessageSid (Twilio may deliver twice; counted in the line's database), and
/// receipt → immediate-danger alert visible in the duty inbox (SL-03, <c>GET /api/supportline/alerts</c>) for the
/// danger texts mixed into the fixed rate. Senders are Ofcom drama-range numbers nobody registered, so every text is
/// an anonymous conversation (SL-05) and triaged (SL-02). Conversations the benchmark opened are closed at the end
/// (danger ones answered first, as SL-03 requires), so a later run raises its danger alerts again.
/// </summary>
public sealed class SupportLineWebhooksBenchmark(BenchSettings settings, TokenPool operators) : IBenchmark
{
    public static readonly Target SustainedRps = Target.Min(1000);
    public static readonly Target NoErrors = Target.Max(0);
    public static readonly Target P99AtFixedRate = Target.Max(50);
    public static readonly Target NoDuplicates = Target.Max(0);
    public static readonly Target DangerAlertP99Seconds = Target.Max(5);
    /// <summary>SL-03's limit for a danger alert; one not seen by then counts as this long.</summary>
    public static readonly Target DangerAlertLimitSeconds = Target.Max(60);
    private const double FixedRate = 200;
    /// <summary>Every 40th text at the fixed rate is an immediate-danger text: 5 a second among 195 routine ones.</summary>
    private const int DangerEvery = 40;
    private const int Concurrency = 16;
    private const int SimultaneousPairs = 64;
    /// <summary>Far above what 2 cores reach; the production default (120 a minute per address) would refuse nearly all of it.</summary>
    private const long RequiredPermitsPerMinute = 300_000;
    private const string AlertsPath = "/api/supportline/alerts";
    // Each poll lists up to 500 alerts from the same service that takes the texts, so polling is load on what is measured:
    // 4 a second keeps it small and still resolves the 5 s goal to a twentieth.
    private static readonly TimeSpan AlertPollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan StragglerCheckInterval = TimeSpan.FromMilliseconds(500);
    // Ofcom's drama range, 07700 900000-900999: never anyone's phone. 900000 is the line itself in development and the
    // demo seed texts from 9001xx, so the benchmark keeps to 900200-900799 (routine) and 900800-900999 (danger: one
    // text each, a danger alert is raised once per conversation).
    private const int FirstRoutineNumber = 200;
    private const int FirstDangerNumber = 800;
    private const int LastNumber = 999;
    private const string CloseReason = "Benchmark traffic (tools/bench/run --only supportline-webhooks), closed by the benchmark";
    private const string DangerAnswer = "Benchmark: answered by the benchmark.";

    // Checked against the triage table before the run: routine texts must not be immediate danger (nor STOP/HELP
    // keywords), danger texts must be.
    private static readonly string[] RoutineTexts =
    [
        "hi i need to talk to someone about my mate, she keeps going out a lot and wont say where (bench)",
        "can i get some advice about a lad who keeps messaging me (bench)",
        "my daughter has got a second phone and gets into cars with older lads, what do i do (bench)",
        "just wanted to say thanks for earlier, it helped (bench)",
    ];
    private static readonly string[] DangerTexts =
    [
        "hes outside my house again and says hes going to hurt me if i dont come out (bench)",
        "they wont let me leave the flat please help me now (bench)",
        "he said hes going to stab my brother tonight (bench)",
    ];

    public string Name => "supportline-webhooks";
    public string Title => "Support-line inbound texts (signed Twilio webhooks through the gateway), replay and danger alerts";

    public IEnumerable<(string Name, Target? Target)> PlannedFigures =>
    [
        ("supportline-webhooks.p99_ms_at_200rps", P99AtFixedRate),
        ("supportline-webhooks.danger_alert_p99_s", DangerAlertP99Seconds),
        ("supportline-webhooks.danger_alert_max_s", DangerAlertLimitSeconds),
        ("supportline-webhooks.sustained_rps", SustainedRps),
        ("supportline-webhooks.sustained_errors", NoErrors),
        ("supportline-webhooks.replay_duplicates", NoDuplicates),
        ("supportline-webhooks.lost_texts", NoErrors),
    ];

    public async Task RunAsync(Report report, CancellationToken cancellationToken)
    {
        if (settings.Sms is not { } line)
        {
            throw new InvalidOperationException("BENCH_SMS_* is not set (the line's auth token and public URL); run the suite with tools/bench/run.");
        }
        if (operators.Count == 0)
        {
            throw new InvalidOperationException("no SupportLineOperator tokens (BENCH_SUPPORTLINE_TOKENS_FILE); run the suite with tools/bench/run.");
        }
        await PlatformHealth.EnsureReadyAsync(cancellationToken, PlatformHealth.Ready(settings.Gateway), PlatformHealth.Ready(settings.SupportLine));
        CheckGatewayLimits(report);
        CheckTexts();
        var webhook = new TwilioWebhook(line.AuthToken, line.InboundWebhookUrl, line.AccountSid, line.LineNumber);
        webhook.EnsureTwilioAccepts(new InboundText(TwilioWebhook.NewMessageSid(), "+447700900200", RoutineTexts[0]));

        using var client = BenchHttp.CreateClient();
        var database = new NpgsqlConnectionStringBuilder(settings.PostgresAdmin) { Database = "support_supportline" }.ConnectionString;
        await using var db = NpgsqlDataSource.Create(database);
        var (routineNumbers, dangerNumbers) = await UsableNumbersAsync(db, report, cancellationToken);
        var leftovers = await CloseBenchConversationsAsync(client, db, cancellationToken);
        if (leftovers > 0)
        {
            report.Note($"closed {leftovers} open conversations left by an earlier run on the benchmark's numbers");
        }

        var dangerSet = dangerNumbers.ToHashSet(StringComparer.Ordinal);
        var sent = new ConcurrentQueue<InboundText>();
        var routineCount = -1L;
        InboundText NextRoutine()
        {
            var n = Interlocked.Increment(ref routineCount);
            return new InboundText(TwilioWebhook.NewMessageSid(), routineNumbers[(int)(n % routineNumbers.Count)], RoutineTexts[n % RoutineTexts.Length]);
        }
        var dangerCount = -1L;
        var dangerSentAt = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        InboundText NextFixedRateText(long n)
        {
            if (n % DangerEvery == DangerEvery - 1 && Interlocked.Increment(ref dangerCount) is var d && d < dangerNumbers.Count)
            {
                return new InboundText(TwilioWebhook.NewMessageSid(), dangerNumbers[(int)d], DangerTexts[d % DangerTexts.Length]);
            }
            return NextRoutine();
        }
        Operation Post(Func<InboundText> next) => async ct =>
        {
            var text = next();
            sent.Enqueue(text);
            if (dangerSet.Contains(text.From))
            {
                // Receipt: the moment the text is posted, as Twilio would post it.
                dangerSentAt[text.MessageSid] = Clock.Now;
            }
            return await PostAsync(client, webhook, text, ct);
        };

        try
        {
            // The signature is really checked (so every figure is of authenticated texts), and the path works.
            using (var spoiled = webhook.Request(settings.Gateway, NextRoutine(), spoilSignature: true))
            using (var refused = await client.SendAsync(spoiled, cancellationToken))
            {
                if (refused.StatusCode != HttpStatusCode.Forbidden)
                {
                    throw new InvalidOperationException($"a text with a wrong X-Twilio-Signature answered {(int)refused.StatusCode}, not 403");
                }
            }
            if (await Post(NextRoutine).TryAsync(cancellationToken) is { } failure)
            {
                throw new InvalidOperationException($"a signed text was not accepted before the run ({failure})");
            }

            // 1. The fixed rate, with the danger texts among it, while the duty inbox is watched.
            var warmup = settings.Scaled(5);
            var fixedDuration = settings.Scaled(30);
            report.Note($"open loop at {FixedRate:0} texts/s: {warmup.TotalSeconds:0.#} s warm-up, {fixedDuration.TotalSeconds:0.#} s measured; every {DangerEvery}th an immediate-danger text from a new number; {routineNumbers.Count} routine and {dangerNumbers.Count} danger numbers");
            using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var watcher = new AlertWatcher(client, new Uri(settings.Gateway, AlertsPath), operators, AlertPollInterval);
            var watch = watcher.RunAsync(watching.Token);
            var fixedCount = -1L;
            var started = Clock.Now;
            var atRate = await OpenLoop.RunAsync(Post(() => NextFixedRateText(Interlocked.Increment(ref fixedCount))), FixedRate, warmup, fixedDuration, cancellationToken);
            var measuredFor = Clock.SecondsBetween(started, Clock.Now) - warmup.TotalSeconds;
            report.Info(Name, "supportline-webhooks.achieved_rps_at_200rps", atRate.FromIntended.Count / measuredFor, 1, "texts accepted (200) per second over the measured phase, until the last answer");
            report.Info(Name, "supportline-webhooks.p50_ms_at_200rps", atRate.FromIntended.PercentileMs(50), 1);
            report.Info(Name, "supportline-webhooks.p95_ms_at_200rps", atRate.FromIntended.PercentileMs(95), 1);
            report.Add(Name, "supportline-webhooks.p99_ms_at_200rps", atRate.FromIntended.PercentileMs(99), 1, P99AtFixedRate,
                atRate.FromIntended.FailureCount == 0 ? null : $"{atRate.FromIntended.FailureCount} failed requests are not in the latencies");
            report.Info(Name, "supportline-webhooks.max_ms_at_200rps", atRate.FromIntended.MaxMs, 1);
            report.Info(Name, "supportline-webhooks.failures_at_200rps", atRate.FromIntended.FailureCount, 0,
                atRate.FromIntended.FailureCount == 0 ? null : atRate.FromIntended.FailureSummary);
            report.Info(Name, "supportline-webhooks.scheduler_lag_p99_ms", atRate.StartLag.PercentileMs(99), 2,
                "how late the load generator started requests; included in the latencies above");

            await ReportDangerAlertsAsync(report, db, watcher, dangerSentAt, cancellationToken);
            await watching.CancelAsync();
            await watch;

            // 2. The sustained maximum, routine texts only.
            var closedDuration = settings.Scaled(20);
            report.Note($"closed loop: {Concurrency} concurrent texts, {warmup.TotalSeconds:0.#} s warm-up, {closedDuration.TotalSeconds:0.#} s measured");
            // Where a text's work is done at the sustained rate: the gateway, the support line, the database, the broker
            // (danger texts only publish) and this process, which signs and posts every text on the same two cores.
            var postedBefore = sent.Count;
            var cpu = CpuPerOperation.Start(settings.DataDir);
            var max = await ClosedLoop.RunAsync(Post(NextRoutine), Concurrency, warmup, closedDuration, cancellationToken);
            cpu.End();
            var posted = sent.Count - postedBefore;
            report.Add(Name, "supportline-webhooks.sustained_rps", max.OperationsPerSecond, 0, SustainedRps,
                $"texts accepted (200) per second with {Concurrency} always in flight");
            report.Add(Name, "supportline-webhooks.sustained_errors", max.Latency.FailureCount, 0, NoErrors,
                max.Latency.FailureCount == 0 ? null : max.Latency.FailureSummary);
            report.Info(Name, "supportline-webhooks.closed_loop_p99_ms", max.Latency.PercentileMs(99), 1);
            cpu.Report(report, Name, "supportline-webhooks.cpu_ms_per_text", posted, 3,
                $"{posted} texts posted in the closed loop, warm-up included; this process not counted",
                "this process: signing and posting each text, on the same cores");

            // 3. Twilio delivering twice at once: new texts, each posted twice concurrently.
            var pairFailures = new LatencyRecorder();
            for (var i = 0; i < SimultaneousPairs; i++)
            {
                var text = NextRoutine();
                sent.Enqueue(text);
                foreach (var result in await Task.WhenAll(PostAsync(client, webhook, text, cancellationToken), PostAsync(client, webhook, text, cancellationToken)))
                {
                    if (result is not null)
                    {
                        pairFailures.RecordFailure(result);
                    }
                }
            }
            report.Info(Name, "supportline-webhooks.simultaneous_pair_failures", pairFailures.FailureCount, 0,
                pairFailures.FailureCount == 0 ? $"{SimultaneousPairs} new texts each posted twice at once: every answer 200" : pairFailures.FailureSummary);

            // 4. The replay: every text posted so far, again, with the same MessageSid and signature.
            await ReplayAndCountAsync(report, client, webhook, db, sent.ToArray(), cancellationToken);
        }
        finally
        {
            // Never left for the duty inbox's escalation job (SL-02), and the danger numbers raise alerts again next run.
            using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                var closed = await CloseBenchConversationsAsync(client, db, cleanup.Token);
                report.Note($"closed the {closed} conversations the benchmark opened (danger ones answered first)");
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or InvalidOperationException or NpgsqlException)
            {
                Console.Error.WriteLine($"supportline-webhooks: closing the benchmark's conversations failed ({e.Message}); they stay open in the duty inbox");
            }
        }
    }

    /// <summary>One delivery of a text: 200 (TwiML) expected; a request is built per delivery.</summary>
    private Task<string?> PostAsync(HttpClient client, TwilioWebhook webhook, InboundText text, CancellationToken cancellationToken) =>
        Operations.Http(client, () => webhook.Request(settings.Gateway, text), HttpStatusCode.OK).TryAsync(cancellationToken);

    /// <summary>
    /// The gateway limits the anonymous webhook route per client address (RateLimits:WebhookPermitsPerMinute, 120) and
    /// every anonymous request per address (RateLimits:AnonymousPermitsPerMinute, 600); every text here comes from
    /// 127.0.0.1. The benchmark needs both raised, which tools/run passes on from its environment (docs/benchmarks.md);
    /// measured at the defaults it would measure the limiter's 429s.
    /// </summary>
    private void CheckGatewayLimits(Report report)
    {
        var gateway = PlatformProcess.Find(settings.DataDir, "gateway", out var problem)
            ?? throw new InvalidOperationException($"cannot read the gateway's rate limits: {problem}");
        var environment = gateway.Environment();
        foreach (var (key, fallback) in new[] { ("RateLimits__WebhookPermitsPerMinute", 120L), ("RateLimits__AnonymousPermitsPerMinute", 600L) })
        {
            var permits = environment.TryGetValue(key, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
            if (permits < RequiredPermitsPerMinute)
            {
                throw new InvalidOperationException(
                    $"the gateway allows {permits} {key} from one address: restart the platform with RateLimits__WebhookPermitsPerMinute=1000000 RateLimits__AnonymousPermitsPerMinute=1000000 tools/run (benchmarking only; docs/benchmarks.md)");
            }
            report.Info(Name, $"supportline-webhooks.gateway_{key["RateLimits__".Length..].ToLowerInvariant()}", permits, 0,
                "raised for benchmarking from the environment of tools/run; production default " + fallback);
        }
    }

    private static void CheckTexts()
    {
        foreach (var text in RoutineTexts)
        {
            if (TriageTable.Classify(text).Category == TriageCategory.ImmediateDanger || OptOutKeywords.Classify(text) != KeywordKind.None)
            {
                throw new InvalidOperationException($"routine text '{text}' is immediate danger or a keyword under triage table {TriageTable.Version}");
            }
        }
        foreach (var text in DangerTexts)
        {
            if (TriageTable.Classify(text).Category != TriageCategory.ImmediateDanger)
            {
                throw new InvalidOperationException($"danger text '{text}' is not immediate danger under triage table {TriageTable.Version}");
            }
        }
    }

    private static string PhoneNumber(int n) => "+447700900" + n.ToString("000", CultureInfo.InvariantCulture);

    private static string[] AllNumbers() => Enumerable.Range(FirstRoutineNumber, LastNumber - FirstRoutineNumber + 1).Select(PhoneNumber).ToArray();

    /// <summary>The benchmark's numbers, less any registered as a worker's, a young person's or a carer's phone (those texts are not anonymous).</summary>
    private async Task<(IReadOnlyList<string> Routine, IReadOnlyList<string> Danger)> UsableNumbersAsync(NpgsqlDataSource db, Report report, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            SELECT phone FROM supportline.worker_phones WHERE phone = ANY(@numbers)
            UNION SELECT phone FROM supportline.young_person_phones WHERE phone = ANY(@numbers)
            UNION SELECT phone FROM supportline.carer_phones WHERE phone = ANY(@numbers)
            UNION SELECT phone FROM supportline.opt_outs WHERE phone = ANY(@numbers)
            """);
        command.Parameters.AddWithValue("numbers", AllNumbers());
        var registered = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                registered.Add(reader.GetString(0));
            }
        }
        if (registered.Count > 0)
        {
            report.Note($"{registered.Count} of the benchmark's numbers are registered or opted out and are not used");
        }
        var routine = Enumerable.Range(FirstRoutineNumber, FirstDangerNumber - FirstRoutineNumber).Select(PhoneNumber).Where(n => !registered.Contains(n)).ToArray();
        var danger = Enumerable.Range(FirstDangerNumber, LastNumber - FirstDangerNumber + 1).Select(PhoneNumber).Where(n => !registered.Contains(n)).ToArray();
        if (routine.Length == 0 || danger.Length == 0)
        {
            throw new InvalidOperationException("no usable drama-range numbers left for the benchmark");
        }
        return (routine, danger);
    }

    /// <summary>
    /// After the fixed rate: the danger texts' MessageSids are matched to the stored texts (the alerts name the text by
    /// its id, not its MessageSid), waiting until every one has both alerts in the inbox or 60 s after it was posted.
    /// </summary>
    private async Task ReportDangerAlertsAsync(Report report, NpgsqlDataSource db, AlertWatcher watcher, ConcurrentDictionary<string, long> dangerSentAt, CancellationToken cancellationToken)
    {
        if (dangerSentAt.IsEmpty)
        {
            throw new InvalidOperationException("no danger text was posted");
        }
        var giveUpAt = Clock.After(dangerSentAt.Values.Max(), TimeSpan.FromSeconds(DangerAlertLimitSeconds.Limit));
        Dictionary<string, Guid> stored;
        while (true)
        {
            stored = await StoredIdsAsync(db, dangerSentAt.Keys.ToArray(), cancellationToken);
            if ((stored.Count == dangerSentAt.Count && stored.Values.All(watcher.SawBoth)) || Clock.Now > giveUpAt)
            {
                break;
            }
            await Task.Delay(StragglerCheckInterval, cancellationToken);
        }

        var latency = new LatencyRecorder();
        var lowerBound = new LatencyRecorder();
        var notVisible = 0;
        var limit = Clock.After(0, TimeSpan.FromSeconds(DangerAlertLimitSeconds.Limit));
        foreach (var (sid, sentAt) in dangerSentAt)
        {
            if (stored.TryGetValue(sid, out var id) && watcher.Seen(id) is { } seen && Clock.SecondsBetween(sentAt, seen.VisibleAt) <= DangerAlertLimitSeconds.Limit)
            {
                latency.RecordElapsed(sentAt, seen.VisibleAt);
                lowerBound.RecordElapsed(sentAt, Math.Max(sentAt, seen.NotYetVisibleAt));
            }
            else
            {
                notVisible++;
                latency.RecordElapsed(0, limit);
                lowerBound.RecordElapsed(0, limit);
            }
        }
        report.Info(Name, "supportline-webhooks.danger_texts", dangerSentAt.Count, 0, "immediate-danger texts among the fixed rate, each from a new number");
        report.Info(Name, "supportline-webhooks.danger_alert_p50_s", latency.PercentileMs(50) / 1000, 3);
        report.Add(Name, "supportline-webhooks.danger_alert_p99_s", latency.PercentileMs(99) / 1000, 3, DangerAlertP99Seconds,
            $"from posting the text to the first GET {AlertsPath} showing both alerts (duty worker, police liaison); lower bound {lowerBound.PercentileMs(99) / 1000:0.000} s");
        report.Add(Name, "supportline-webhooks.danger_alert_max_s", latency.MaxMs / 1000, 3, DangerAlertLimitSeconds, "SL-03's limit");
        report.Info(Name, "supportline-webhooks.danger_alert_not_visible_within_60s", notVisible, 0, notVisible == 0 ? null : "counted as 60 s above");
        report.Info(Name, "supportline-webhooks.alert_poll_period_p50_ms", watcher.Periods.PercentileMs(50), 1,
            watcher.Periods.FailureCount == 0 ? $"aimed at {AlertPollInterval.TotalMilliseconds:0} ms" : $"failed polls: {watcher.Periods.FailureSummary}");
        report.Info(Name, "supportline-webhooks.alert_poll_period_p99_ms", watcher.Periods.PercentileMs(99), 1);
    }

    /// <summary>
    /// Posts every text again (Twilio's redelivery), then counts in the line's database: stored rows per MessageSid,
    /// alerts per (text, kind), automatic replies per conversation. Anything beyond one is a duplicate.
    /// </summary>
    private async Task ReplayAndCountAsync(Report report, HttpClient client, TwilioWebhook webhook, NpgsqlDataSource db, InboundText[] texts, CancellationToken cancellationToken)
    {
        var failures = new LatencyRecorder();
        var started = Clock.Now;
        await Parallel.ForEachAsync(texts, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (text, ct) =>
        {
            if (await PostAsync(client, webhook, text, ct) is { } failure)
            {
                failures.RecordFailure(failure);
            }
        });
        var replayFor = Clock.SecondsBetween(started, Clock.Now);
        report.Info(Name, "supportline-webhooks.replayed_texts", texts.Length, 0, $"in {replayFor:0.0} s ({texts.Length / replayFor:0} a second, {Concurrency} in flight)");
        report.Info(Name, "supportline-webhooks.replay_failures", failures.FailureCount, 0, failures.FailureCount == 0 ? "every redelivery answered 200" : failures.FailureSummary);

        var sids = texts.Select(t => t.MessageSid).Distinct(StringComparer.Ordinal).ToArray();
        await using var command = db.CreateCommand("""
            WITH mine AS (SELECT id, twilio_sid, conversation_id FROM supportline.inbound_messages WHERE twilio_sid = ANY(@sids))
            SELECT
              (SELECT count(*) FROM mine),
              (SELECT count(DISTINCT twilio_sid) FROM mine),
              (SELECT count(*) - count(DISTINCT (a.inbound_sms_id, a.kind)) FROM supportline.alerts a WHERE a.inbound_sms_id IN (SELECT id FROM mine)),
              (SELECT coalesce(sum(n - 1), 0) FROM (
                 SELECT count(*) AS n FROM supportline.outbound_messages o
                 WHERE o.kind = 'AutoReply' AND o.conversation_id IN (SELECT conversation_id FROM mine)
                 GROUP BY o.conversation_id) replies)
            """);
        command.Parameters.AddWithValue("sids", sids);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var rows = reader.GetInt64(0);
        var distinct = reader.GetInt64(1);
        var duplicateAlerts = reader.GetInt64(2);
        var duplicateReplies = Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture);
        var duplicateTexts = rows - distinct;
        report.Add(Name, "supportline-webhooks.replay_duplicates", duplicateTexts + duplicateAlerts + duplicateReplies, 0, NoDuplicates,
            $"{sids.Length} texts posted twice or more: {duplicateTexts} extra stored texts, {duplicateAlerts} extra alerts, {duplicateReplies} extra automatic replies");
        report.Add(Name, "supportline-webhooks.lost_texts", sids.Length - distinct, 0, NoErrors, "texts posted (and re-posted) but not stored");
    }

    private static async Task<Dictionary<string, Guid>> StoredIdsAsync(NpgsqlDataSource db, string[] sids, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("SELECT twilio_sid, id FROM supportline.inbound_messages WHERE twilio_sid = ANY(@sids)");
        command.Parameters.AddWithValue("sids", sids);
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids[reader.GetString(0)] = reader.GetGuid(1);
        }
        return ids;
    }

    /// <summary>
    /// Closes every open conversation on the benchmark's numbers through the duty inbox's API, as an operator would:
    /// one in immediate danger is answered first, since it is never closed unanswered (twilio.md §7). Returns how many.
    /// </summary>
    private async Task<int> CloseBenchConversationsAsync(HttpClient client, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        var open = new List<(Guid Id, bool MustAnswer)>();
        await using (var command = db.CreateCommand("""
            SELECT id, urgency = 'ImmediateDanger' AND awaiting_reply_since IS NOT NULL
            FROM supportline.conversations WHERE status = 'Open' AND phone = ANY(@numbers)
            """))
        {
            command.Parameters.AddWithValue("numbers", AllNumbers());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                open.Add((reader.GetGuid(0), reader.GetBoolean(1)));
            }
        }
        await Parallel.ForEachAsync(open, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (conversation, ct) =>
        {
            if (conversation.MustAnswer)
            {
                await SendAsync(client, $"/api/supportline/conversations/{conversation.Id}/replies", new { body = DangerAnswer }, HttpStatusCode.Created, ct);
            }
            await SendAsync(client, $"/api/supportline/conversations/{conversation.Id}/close", new { reason = CloseReason }, HttpStatusCode.NoContent, ct);
        });
        return open.Count;
    }

    private async Task SendAsync(HttpClient client, string path, object body, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.Gateway, path))
        {
            Headers = { Authorization = operators.Next() },
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        using var response = await client.SendAsync(request, cancellationToken);
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}");
        }
    }

    /// <summary>When a text's danger alerts were first seen in the duty inbox, and the send time of the poll before (which did not show them).</summary>
    private sealed record Sighting(long VisibleAt, long NotYetVisibleAt);

    /// <summary>
    /// Polls the duty inbox's alert list (<c>GET /api/supportline/alerts</c> through the gateway, as the web app reads
    /// it) about every <paramref name="interval"/>, and remembers when each danger alert first appeared. A text's
    /// alerts are visible when both kinds are (duty worker and police liaison, SL-03). Upper bound: late by up to one
    /// poll period; <see cref="Sighting.NotYetVisibleAt"/> gives the lower bound.
    /// </summary>
    private sealed class AlertWatcher(HttpClient client, Uri alerts, TokenPool operators, TimeSpan interval)
    {
        private readonly ConcurrentDictionary<Guid, Sighting> _dutyWorker = new();
        private readonly ConcurrentDictionary<Guid, Sighting> _policeLiaison = new();

        public LatencyRecorder Periods { get; } = new();

        public bool SawBoth(Guid inboundSmsId) => _dutyWorker.ContainsKey(inboundSmsId) && _policeLiaison.ContainsKey(inboundSmsId);

        public Sighting? Seen(Guid inboundSmsId) =>
            _dutyWorker.TryGetValue(inboundSmsId, out var duty) && _policeLiaison.TryGetValue(inboundSmsId, out var police)
                ? new Sighting(Math.Max(duty.VisibleAt, police.VisibleAt), Math.Max(duty.NotYetVisibleAt, police.NotYetVisibleAt))
                : null;

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            long? previousSent = null;
            while (!cancellationToken.IsCancellationRequested)
            {
                var sentAt = Clock.Now;
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, alerts) { Headers = { Authorization = operators.Next() } };
                    using var response = await client.SendAsync(request, cancellationToken);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Periods.RecordFailure($"status {(int)response.StatusCode}");
                    }
                    else
                    {
                        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
                        var answeredAt = Clock.Now;
                        // Before the first poll nothing is known to be missing: the lower bound is then the text's own send time.
                        var sighting = new Sighting(answeredAt, previousSent ?? 0);
                        foreach (var alert in json.RootElement.EnumerateArray())
                        {
                            if (alert.TryGetProperty("messageId", out var id) && id.ValueKind == JsonValueKind.String)
                            {
                                var kind = alert.GetProperty("kind").GetString();
                                var seen = kind == nameof(AlertKind.DangerToDutyWorker) ? _dutyWorker : kind == nameof(AlertKind.DangerToPoliceLiaison) ? _policeLiaison : null;
                                seen?.TryAdd(id.GetGuid(), sighting);
                            }
                        }
                        if (previousSent is { } previous)
                        {
                            Periods.RecordElapsed(previous, sentAt);
                        }
                        previousSent = sentAt;
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException)
                {
                    Periods.RecordFailure(e.GetType().Name);
                }
                var wait = interval - TimeSpan.FromSeconds(Clock.SecondsBetween(sentAt, Clock.Now));
                if (wait > TimeSpan.Zero)
                {
                    try
                    {
                        await Task.Delay(wait, cancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }
        }
    }
}
