using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Support.Testing;
using Xunit.Abstractions;

namespace Support.EndToEnd.Tests.Faults;

/// <summary>
/// Issue 17, suite 3: faults against the real servers, each counting the effects afterwards: nothing lost, nothing
/// applied twice. The writes are street contacts logged through the gateway with an Idempotency-Key and sent again
/// until stored, as the outreach app's queue does; each contact's event reaches Referrals' chronology over the bus.
/// (RabbitMQ stopped for 30 s is Messaging.Tests' BrokerOutageTests, run by tools/test after everything else.)
/// Recovery times are written to the test output and to artifacts/faults/recovery-times.txt.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class FaultTests(FaultPlatform platform, ITestOutputHelper output)
{
    /// <summary>No answer may take longer than this: a caller waiting on a dead database is a hang.</summary>
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan PostgresOutage = TimeSpan.FromSeconds(10);

    /// <summary>Distinctive stand-ins for personal data, scanned for in every log after each fault (issue 17, suite 4).</summary>
    private static readonly string Marker = Guid.NewGuid().ToString("N")[..8];
    private static readonly string GivenName = $"Zinnia{Marker}";
    private const string DateOfBirth = "2010-05-06";
    private static readonly string Notes = $"Seen by the bandstand gates with an older man {Marker}";

    private sealed record Answer(HttpStatusCode? Status, bool Problem, bool RetryAfter, TimeSpan Took, DateTime At, string? Failure)
    {
        public bool Stored => Status == HttpStatusCode.Created;

        /// <summary>The only acceptable refusal: 503 with Retry-After and a ProblemDetails body.</summary>
        public bool Unavailable => Status == HttpStatusCode.ServiceUnavailable && Problem && RetryAfter;

        public override string ToString() => $"{(Status is null ? Failure : (int)Status)} after {Took.TotalMilliseconds:0} ms";
    }

    [Fact]
    public async Task The_gateway_killed_and_restarted_during_contact_logging_loses_and_duplicates_no_contact()
    {
        var youngPersonId = await RegisteredAsync("Gatewaykill");
        using var worker = Worker("faults-gateway");
        var writing = new ContactWriters(worker, youngPersonId, writers: 4, each: 15);
        await writing.StoredAtLeastAsync(10);

        var killed = DateTime.UtcNow;
        await platform.KillAsync("gateway");
        await platform.RestartAsync("gateway");
        var ready = DateTime.UtcNow - killed;
        await writing.FinishedAsync();

        var answers = writing.Answers;
        Assert.Equal(writing.Expected, writing.Stored);
        // While the gateway was gone callers could not connect; nothing ever answered with an error of its own making.
        Assert.Contains(answers, a => a.Status is null);
        Assert.All(answers, a => Assert.True(a.Stored || a.Status is null || a.Unavailable, $"Unexpected answer: {a}"));
        await AssertEveryContactOnceAsync(youngPersonId, writing.Expected);
        Report("gateway SIGKILL", $"gateway ready again {ready.TotalSeconds:0.0} s after the kill; first contact stored "
            + $"{writing.FirstStoredAfter(killed).TotalSeconds:0.0} s after; {answers.Count(a => a.Status is null)} requests could not connect");
    }

    [Fact]
    public async Task A_consumer_killed_mid_consume_and_restarted_applies_every_contact_to_the_chronology_exactly_once()
    {
        var youngPersonId = await RegisteredAsync("Consumerkill");
        await platform.KillAsync("referrals");

        // While Referrals is down the gateway answers its routes 503 with Retry-After and a ProblemDetails, not a bare 502.
        using var social = Client("SocialWorker", "faults-sw");
        var down = await SendAsync(social, () => new HttpRequestMessage(HttpMethod.Get, $"/api/referrals/young-people/{youngPersonId}"));
        Assert.True(down.Unavailable, $"Referrals down answered {down}");

        // Street work goes on: Outreach stores the contacts, and their events wait in Referrals' queue.
        using var worker = Worker("faults-consumer");
        const int contacts = 200;
        var writing = new ContactWriters(worker, youngPersonId, writers: 4, each: contacts / 4);
        await writing.FinishedAsync();
        Assert.Equal(contacts, writing.Stored);
        Assert.All(writing.Answers, a => Assert.True(a.Stored, $"Outreach refused a contact while Referrals was down: {a}"));

        // Started again, and killed with SIGKILL as soon as it has committed some of the backlog, before the rest.
        var started = DateTime.UtcNow;
        await platform.RestartAsync("referrals", waitUntilReady: false);
        var atKill = (long)await Eventually.GetAsync<object>(async () =>
        {
            var (rows, _) = await ChronologyContactsAsync(youngPersonId);
            return rows > 0 ? rows : null;
        }, TimeSpan.FromSeconds(90), "Referrals to start applying the backlog", interval: TimeSpan.FromMilliseconds(10));
        await platform.KillAsync("referrals");
        Assert.True(atKill < contacts, $"Referrals applied all {contacts} before it could be killed; the kill was not mid-consume.");

        var restarted = DateTime.UtcNow;
        await platform.RestartAsync("referrals");
        await Eventually.TrueAsync(async () => (await ChronologyContactsAsync(youngPersonId)).Rows >= contacts,
            TimeSpan.FromSeconds(120), "every contact to reach the chronology after the restart");
        var caughtUp = DateTime.UtcNow - restarted;
        await AssertEveryContactOnceAsync(youngPersonId, contacts);
        Report("consumer SIGKILL", $"Referrals killed {(restarted - started).TotalSeconds:0.0} s into its backlog with {atKill} of "
            + $"{contacts} applied; all applied {caughtUp.TotalSeconds:0.0} s after the restart");
    }

    [Fact]
    public async Task PostgreSQL_restarted_during_contact_logging_answers_503_with_retry_after_and_the_outbox_drains_after()
    {
        var youngPersonId = await RegisteredAsync("Pgrestart");
        using var worker = Worker("faults-postgres");
        var writing = new ContactWriters(worker, youngPersonId, writers: 4, each: 25);
        await writing.StoredAtLeastAsync(8);

        // Referrals is frozen for a moment, so that contact events are waiting for its chronology when the database
        // goes: they are delivered to a consumer whose database is away.
        var frozen = DateTime.UtcNow;
        platform.Freeze("referrals");
        try
        {
            await Eventually.TrueAsync(async () => await OutboxRowsSentSinceAsync("outreach", frozen) >= 10, TimeSpan.FromSeconds(60),
                "contact events to queue up for the frozen Referrals");
            // Down for ten seconds, as in a failover: longer than the consumers' short retries (1.6 s), so the events
            // delivered meanwhile must be kept, not dead-lettered.
            await platform.Postgres.StopServerAsync();
        }
        finally
        {
            platform.Thaw("referrals");
        }
        var stopped = DateTime.UtcNow;
        await Eventually.TrueAsync(() => Task.FromResult(DateTime.UtcNow - stopped > PostgresOutage && writing.Answers.Count(a => a.Unavailable) >= 4),
            PostgresOutage * 6, "callers to be refused for the length of the outage");
        await platform.Postgres.StartServerAsync();
        var started = DateTime.UtcNow;
        await writing.FinishedAsync();

        var answers = writing.Answers;
        Assert.Equal(writing.Expected, writing.Stored);
        // Callers were refused while the database was away, never with a 500, never left hanging.
        Assert.All(answers, a => Assert.True(a.Stored || a.Unavailable, $"Unexpected answer: {a}"));
        Assert.All(answers, a => Assert.True(a.Took < NoHang, $"An answer took {a.Took}"));
        // The outbox drains: every stored contact's event is published and applied, once.
        await Eventually.TrueAsync(async () => await UnsentOutboxRowsAsync("outreach") == 0, TimeSpan.FromSeconds(90),
            "Outreach's outbox to drain after the restart");
        await AssertEveryContactOnceAsync(youngPersonId, writing.Expected);
        Report("PostgreSQL restart", $"down {(started - stopped).TotalSeconds:0.0} s; first contact stored "
            + $"{writing.FirstStoredAfter(started).TotalSeconds:0.0} s after it was back; {answers.Count(a => a.Unavailable)} answers were 503, "
            + $"{answers.Count(a => a.Unavailable && a.At > started)} of them after it was back; "
            + $"slowest answer {answers.Max(a => a.Took).TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task The_data_folder_full_refuses_writes_with_503_keeps_serving_reads_and_takes_writes_again_once_freed()
    {
        var youngPersonId = await RegisteredAsync("Diskfull");
        using var worker = Worker("faults-disk");
        using var located = await worker.PostAsJsonAsync("/api/outreach/locations",
            new { name = $"Faults Park {Guid.NewGuid():N}", type = "Park", latitude = 53.43m, longitude = -1.35m });
        Assert.Equal(HttpStatusCode.Created, located.StatusCode);
        var locationId = (await located.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // A new session on a full disk is refused (FATAL, answered 503) when PostgreSQL must first write its
        // relation-cache file, which a restart removes (the test before this one may have restarted it). A session
        // started now writes it, as the first sessions after any restart do on a server in steady use.
        await ContactsAsync(youngPersonId);
        await CountAsync("referrals", "SELECT 0::bigint, 0::bigint", null);
        // Reads on a full disk are served by the sessions already open: a new one can still be refused (a clean run
        // failed here with "could not write init file" on a read that needed a new session). A service in steady use has
        // a few open in its pool; after the restart in the test before, Outreach's may hold one, so concurrent reads open
        // some first.
        var warm = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            SendAsync(worker, () => new HttpRequestMessage(HttpMethod.Get, $"/api/outreach/locations/{locationId}"))));
        Assert.All(warm, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        var answers = new List<(string Key, Answer Answer)>();
        await platform.Postgres.FillDataFolderAsync();
        try
        {
            // Long notes fill the tables' last pages quickly; the first write that needs a new page is refused.
            for (var i = 0; i < 500 && !answers.Any(a => a.Answer.Unavailable); i++)
            {
                var key = $"disk-{i}-{youngPersonId:N}";
                answers.Add((key, await SendAsync(worker, () => ContactRequest(youngPersonId, key, Notes + new string('x', 1800)))));
            }
            Assert.Contains(answers, a => a.Answer.Unavailable);
            Assert.All(answers, a => Assert.True(a.Answer.Stored || a.Answer.Unavailable, $"Unexpected answer: {a.Answer}"));

            // Reads are still served while the disk is full.
            var read = await SendAsync(worker, () => new HttpRequestMessage(HttpMethod.Get, $"/api/outreach/locations/{locationId}"));
            Assert.Equal(HttpStatusCode.OK, read.Status);
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(worker, () => new HttpRequestMessage(HttpMethod.Get, "/health/ready"))).Status);
        }
        finally
        {
            platform.Postgres.FreeDataFolder();
        }

        // Space again: the refused contact is sent again with its key and stored, once.
        var refusedKey = answers.First(a => a.Answer.Unavailable).Key;
        var freed = DateTime.UtcNow;
        var again = await Eventually.GetAsync(async () =>
        {
            var answer = await SendAsync(worker, () => ContactRequest(youngPersonId, refusedKey, Notes + new string('x', 1800)));
            return answer.Stored ? answer : null;
        }, TimeSpan.FromSeconds(60), "the refused contact to be stored once the disk has space");
        // Nothing was half-stored: exactly the contacts answered 201, each once, and each with its event.
        var storedKeys = answers.Where(a => a.Answer.Stored).Select(a => a.Key).Append(refusedKey).ToHashSet();
        var (rows, keys) = await ContactsAsync(youngPersonId);
        Assert.Equal(storedKeys.Count, rows);
        Assert.Equal(storedKeys.Count, keys);
        await Eventually.TrueAsync(async () => await UnsentOutboxRowsAsync("outreach") == 0, TimeSpan.FromSeconds(90),
            "Outreach's outbox to drain once the disk has space");
        await AssertEveryContactOnceAsync(youngPersonId, storedKeys.Count);
        Report("data folder full", $"{answers.Count(a => a.Answer.Stored)} contacts stored before the first refusal; "
            + $"the refused one stored {(again.At - freed).TotalSeconds:0.0} s after space was freed");
    }

    // --- the writes -----------------------------------------------------------------------------------------------

    /// <summary>
    /// Writers each logging their contacts one after another, each sent again with the same key (after a short pause)
    /// until stored or a minute and a half has passed: the outreach app's offline queue.
    /// </summary>
    private sealed class ContactWriters
    {
        private readonly ConcurrentQueue<Answer> _answers = new();
        private readonly Task _writing;
        private int _stored;

        public ContactWriters(HttpClient client, Guid youngPersonId, int writers, int each)
        {
            Expected = writers * each;
            _writing = Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
            {
                for (var i = 0; i < each; i++)
                {
                    var key = $"fault-{w}-{i}-{youngPersonId:N}";
                    var deadline = Stopwatch.StartNew();
                    while (deadline.Elapsed < TimeSpan.FromSeconds(90))
                    {
                        var answer = await SendAsync(client, () => ContactRequest(youngPersonId, key, $"{Notes}, writer {w}."));
                        _answers.Enqueue(answer);
                        if (answer.Stored)
                        {
                            Interlocked.Increment(ref _stored);
                            break;
                        }
                        await Task.Delay(TimeSpan.FromMilliseconds(200)); // the app's back-off before sending again
                    }
                }
            })));
        }

        public int Expected { get; }
        public int Stored => Volatile.Read(ref _stored);
        public IReadOnlyList<Answer> Answers => [.. _answers];

        public Task StoredAtLeastAsync(int count) =>
            Eventually.TrueAsync(() => Task.FromResult(Stored >= count), TimeSpan.FromSeconds(60), $"{count} contacts to be stored before the fault");

        public async Task FinishedAsync() => await _writing;

        public TimeSpan FirstStoredAfter(DateTime at) =>
            _answers.Where(a => a.Stored && a.At > at).Select(a => a.At - at).DefaultIfEmpty(TimeSpan.MaxValue).Min();
    }

    private static HttpRequestMessage ContactRequest(Guid youngPersonId, string key, string notes)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/outreach/contacts")
        {
            Content = JsonContent.Create(new
            {
                youngPersonId, channel = "Street", contactedAt = DateTimeOffset.UtcNow.AddMinutes(-10), place = "Clifton Park gates",
                notes, concern = "Medium",
            }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static async Task<Answer> SendAsync(HttpClient client, Func<HttpRequestMessage> request)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var message = request();
            using var response = await client.SendAsync(message);
            return new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                response.Headers.RetryAfter is not null, clock.Elapsed, DateTime.UtcNow, null);
        }
        catch (HttpRequestException e)
        {
            return new Answer(null, false, false, clock.Elapsed, DateTime.UtcNow, $"no connection ({e.HttpRequestError})");
        }
        catch (TaskCanceledException)
        {
            return new Answer(null, false, false, clock.Elapsed, DateTime.UtcNow, "no answer (timed out)");
        }
    }

    // --- the effects, counted in the services' own databases ------------------------------------------------------

    /// <summary>The contacts stored, and each appended to the chronology once (an entry per contact, no more).</summary>
    private async Task AssertEveryContactOnceAsync(Guid youngPersonId, int expected)
    {
        var (rows, keys) = await ContactsAsync(youngPersonId);
        Assert.Equal(expected, rows);
        Assert.Equal(expected, keys);
        await Eventually.TrueAsync(async () => (await ChronologyContactsAsync(youngPersonId)).Rows >= expected,
            TimeSpan.FromSeconds(120), "every contact to reach Referrals' chronology");
        // Everything delivered has been consumed, so a duplicate would be in the table by now.
        await Eventually.TrueAsync(async () => await MessagesInQueuesAsync() == 0, TimeSpan.FromSeconds(60), "the queues to drain");
        var (entries, contacts) = await ChronologyContactsAsync(youngPersonId);
        Assert.Equal(expected, contacts);
        Assert.Equal(expected, entries);
    }

    private Task<(long Rows, long Keys)> ContactsAsync(Guid youngPersonId) => CountAsync("outreach",
        "SELECT count(*), count(DISTINCT idempotency_key) FROM outreach.contacts WHERE young_person_id = @id", youngPersonId);

    private Task<(long Rows, long Distinct)> ChronologyContactsAsync(Guid youngPersonId) => CountAsync("referrals",
        "SELECT count(*), count(DISTINCT source_record_id) FROM referrals.chronology_entries WHERE young_person_id = @id AND source_service = 'outreach'",
        youngPersonId);

    private async Task<long> UnsentOutboxRowsAsync(string route) =>
        (await CountAsync(route, $"SELECT count(*), 0::bigint FROM {route}.outbox_messages WHERE sent_at IS NULL", null)).Item1;

    private async Task<long> OutboxRowsSentSinceAsync(string route, DateTime since) =>
        (await CountAsync(route, $"SELECT count(*), 0::bigint FROM {route}.outbox_messages WHERE sent_at > @since", null,
            new NpgsqlParameter("since", since))).Item1;

    private async Task<(long, long)> CountAsync(string route, string sql, Guid? youngPersonId, NpgsqlParameter? parameter = null)
    {
        // Unpooled: a pooled connection of this test would itself be one the restart broke.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(platform.ConnectionStringOf(route)) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (youngPersonId is { } id)
        {
            command.Parameters.AddWithValue("id", id);
        }
        if (parameter is not null)
        {
            command.Parameters.Add(parameter);
        }
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Messages ready or unacknowledged in every queue of the platform's own vhost, error queues included.</summary>
    private async Task<long> MessagesInQueuesAsync()
    {
        using var client = TestBroker.ManagementClient();
        var vhost = Uri.EscapeDataString(platform.VirtualHost);
        var queues = await client.GetFromJsonAsync<JsonElement>($"api/queues/{vhost}");
        return queues.EnumerateArray().Sum(q => q.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt64() : 0);
    }

    /// <summary>
    /// Every log of the run, PostgreSQL's included, is scanned for the names, date of birth and notes submitted: a
    /// fault (a refused write, a broken session, a full disk) must not put them there (issue 17, suite 4).
    /// </summary>
    private void AssertNoPersonalDataInLogs(string fault)
    {
        var logs = Directory.EnumerateFiles(platform.LogDirectory, "*.log").Append(platform.Postgres.LogFile);
        var leaks = (from file in logs
                     from line in ReadShared(file)
                     where line.Contains(GivenName, StringComparison.Ordinal) || line.Contains(Marker, StringComparison.Ordinal)
                         || line.Contains(DateOfBirth, StringComparison.Ordinal) || line.Contains("bandstand", StringComparison.Ordinal)
                     select $"{Path.GetFileName(file)}: {line}").Take(5).ToList();
        Assert.True(leaks.Count == 0, $"After the {fault}, personal data in a log:{Environment.NewLine}{string.Join(Environment.NewLine, leaks)}");
    }

    /// <summary>A log still being written by its process.</summary>
    private static IEnumerable<string> ReadShared(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    // --- people and clients ---------------------------------------------------------------------------------------

    private HttpClient Client(string role, string user)
    {
        var client = platform.Client(role, user);
        client.Timeout = NoHang;
        return client;
    }

    private HttpClient Worker(string user) => Client("OutreachWorker", user);

    private async Task<Guid> RegisteredAsync(string familyName)
    {
        using var social = Client("SocialWorker", "faults-sw");
        using var created = await social.PostAsJsonAsync("/api/referrals/young-people", new
        {
            givenName = GivenName, familyName = familyName + Marker, dateOfBirth = DateOfBirth, gender = "Female", localArea = "Rotherham Central",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Eventually.TrueAsync(async () =>
        {
            using var known = await social.GetAsync($"/api/outreach/young-people/{id}");
            return known.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(60), "Outreach to know the young person");
        return id;
    }

    private void Report(string fault, string figures)
    {
        AssertNoPersonalDataInLogs(fault);
        output.WriteLine(RecoveryTimes.Append(fault, figures));
    }
}
