using System.Collections.Concurrent;
using System.Net;
using Npgsql;
using Support.Bench.Load;
using Support.Bench.Platform;

namespace Support.Bench.Benchmarks;

/// <summary>
/// Watches Outreach's database for each registered young person's projection row: the moment its consumer committed.
/// One query about every 10 ms asks for all pending ids at once, so watching costs the platform about 100 cheap
/// queries a second however many ids are pending. (Until 7 December 2026 each id was polled through Outreach's API
/// every 10 ms: several hundred authenticated GETs a second, a larger load than the 50 registrations being measured.)
/// Each sighting is then confirmed with one GET of Outreach's API, as a worker opening the record would: a row the
/// API does not serve is counted as a failure. The actual query period is recorded and reported as the watching error.
/// </summary>
public sealed class ProjectionWatcher(NpgsqlDataSource outreachDatabase, HttpClient outreach, Uri outreachBase, TokenPool tokens)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(10);

    private sealed class Pending(long posted, bool record)
    {
        public long Posted { get; } = posted;
        public bool Record { get; } = record;
        /// <summary>When the last query that asked for this id and missed it was sent.</summary>
        public long LastMissSent { get; set; } = posted;
    }

    private readonly ConcurrentDictionary<Guid, Pending> _pending = new();
    private readonly ConcurrentBag<Task> _confirmations = [];
    private readonly TaskCompletionSource _noMoreIds = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _loop;
    private long _notVisible;
    private long _queries;

    /// <summary>From the POST's return to the return of the first query that found the row (an upper bound).</summary>
    public LatencyRecorder Visible { get; } = new();
    /// <summary>From the POST's return to the send of the last query that missed it (a lower bound).</summary>
    public LatencyRecorder VisibleLowerBound { get; } = new();
    /// <summary>Time between the sends of two successive queries.</summary>
    public LatencyRecorder PollPeriod { get; } = new();
    /// <summary>The read through the API of each row found: its time, and the failures by cause.</summary>
    public LatencyRecorder ApiReads { get; } = new();
    public long NotVisible => Interlocked.Read(ref _notVisible);
    /// <summary>Every query of Outreach's database, warm-up included.</summary>
    public long Polls => Interlocked.Read(ref _queries);

    public void Start(CancellationToken cancellationToken) => _loop = Task.Run(() => LoopAsync(cancellationToken), cancellationToken);

    /// <summary>Watches for <paramref name="id"/>; warm-up ids (<paramref name="record"/> false) are watched but not counted.</summary>
    public void Watch(Guid id, long posted, bool record) => _pending[id] = new Pending(posted, record);

    /// <summary>No more ids will be watched: waits for every one to be seen or given up on, and its read confirmed.</summary>
    public async Task CompletionAsync()
    {
        _noMoreIds.TrySetResult();
        await (_loop ?? Task.CompletedTask);
        await Task.WhenAll(_confirmations);
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        long? previousSent = null;
        while (!(_noMoreIds.Task.IsCompleted && _pending.IsEmpty))
        {
            var ids = _pending.Keys.ToArray();
            if (ids.Length > 0)
            {
                var sent = Clock.Now;
                if (previousSent is { } previous)
                {
                    PollPeriod.RecordElapsed(previous, sent);
                }
                previousSent = sent;
                Interlocked.Increment(ref _queries);
                var found = await FindAsync(ids, cancellationToken);
                var now = Clock.Now;
                foreach (var id in ids)
                {
                    if (!_pending.TryGetValue(id, out var pending))
                    {
                        continue;
                    }
                    if (found.Contains(id))
                    {
                        _pending.TryRemove(id, out _);
                        if (pending.Record)
                        {
                            Visible.RecordElapsed(pending.Posted, now);
                            VisibleLowerBound.RecordElapsed(pending.Posted, pending.LastMissSent);
                        }
                        _confirmations.Add(ConfirmAsync(id, pending.Record, cancellationToken));
                    }
                    else if (now >= Clock.After(pending.Posted, GiveUpAfter))
                    {
                        _pending.TryRemove(id, out _);
                        if (pending.Record)
                        {
                            // Counted as 10 s, so a lost message cannot flatter the percentiles.
                            Interlocked.Increment(ref _notVisible);
                            Visible.RecordElapsed(pending.Posted, Clock.After(pending.Posted, GiveUpAfter));
                        }
                    }
                    else
                    {
                        pending.LastMissSent = sent;
                    }
                }
            }
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private async Task<HashSet<Guid>> FindAsync(Guid[] ids, CancellationToken cancellationToken)
    {
        await using var command = outreachDatabase.CreateCommand("SELECT id FROM outreach.young_people WHERE id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        var found = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetGuid(0));
        }
        return found;
    }

    private async Task ConfirmAsync(Guid id, bool record, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(outreachBase, $"/api/outreach/young-people/{id}"))
        {
            Headers = { Authorization = tokens.Next() },
        };
        var started = Clock.Now;
        string? failure;
        try
        {
            using var response = await outreach.SendAsync(request, cancellationToken);
            failure = response.StatusCode == HttpStatusCode.OK ? null : $"status {(int)response.StatusCode}";
        }
        catch (HttpRequestException e)
        {
            failure = $"http error {e.HttpRequestError}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failure = "timeout";
        }
        if (failure is not null)
        {
            ApiReads.RecordFailure(failure);
        }
        else if (record)
        {
            ApiReads.RecordElapsed(started, Clock.Now);
        }
    }
}
