using System.Net;
using Support.Bench.Load;
using Support.Bench.Platform;

namespace Support.Bench.Benchmarks;

/// <summary>
/// Polls Outreach for each registered id, about every 10 ms, until its projection answers 200. At most
/// <see cref="MaxPollsInFlight"/> polls run at once across all ids, so a growing backlog stretches the poll period
/// instead of flooding the service being measured; the actual period is recorded and reported as the polling error.
/// </summary>
public sealed class ProjectionWatcher(HttpClient outreach, Uri outreachBase, TokenPool tokens)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(10);
    private const int MaxPollsInFlight = 8;

    private readonly SemaphoreSlim _slots = new(MaxPollsInFlight);
    private readonly List<Task> _watches = [];
    private long _notVisible;
    private long _polls;

    /// <summary>From the POST's return to the return of the first poll that saw the projection (an upper bound).</summary>
    public LatencyRecorder Visible { get; } = new();
    /// <summary>From the POST's return to the send of the last poll that missed it (a lower bound).</summary>
    public LatencyRecorder VisibleLowerBound { get; } = new();
    /// <summary>Time between the sends of two successive polls of one id.</summary>
    public LatencyRecorder PollPeriod { get; } = new();
    public long NotVisible => Interlocked.Read(ref _notVisible);
    /// <summary>Every poll sent, for every id, warm-up included.</summary>
    public long Polls => Interlocked.Read(ref _polls);

    /// <summary>Polls for <paramref name="id"/>; warm-up ids (<paramref name="record"/> false) are polled but not counted.</summary>
    public void Watch(Guid id, long posted, bool record, CancellationToken cancellationToken)
    {
        lock (_watches)
        {
            _watches.Add(WatchAsync(id, posted, record, cancellationToken));
        }
    }

    /// <summary>Waits for every watched id to be seen or given up on.</summary>
    public Task CompletionAsync()
    {
        lock (_watches)
        {
            return Task.WhenAll(_watches);
        }
    }

    private async Task WatchAsync(Guid id, long posted, bool record, CancellationToken cancellationToken)
    {
        // The projection appeared after the last poll that missed it was sent, and before the first hit returned.
        var lastMissSent = posted;
        long? previousSent = null;
        var deadline = Clock.After(posted, GiveUpAfter);
        while (Clock.Now < deadline)
        {
            HttpStatusCode? status;
            long sent;
            await _slots.WaitAsync(cancellationToken);
            try
            {
                sent = Clock.Now;
                Interlocked.Increment(ref _polls);
                status = await StatusAsync(id, cancellationToken);
            }
            finally
            {
                _slots.Release();
            }
            if (record && previousSent is { } previous)
            {
                PollPeriod.RecordElapsed(previous, sent);
            }
            previousSent = sent;
            if (status == HttpStatusCode.OK)
            {
                if (record)
                {
                    Visible.RecordElapsed(posted, Clock.Now);
                    VisibleLowerBound.RecordElapsed(posted, lastMissSent);
                }
                return;
            }
            if (status == HttpStatusCode.NotFound)
            {
                lastMissSent = sent;
            }
            else if (record)
            {
                Visible.RecordFailure(status is null ? "poll error" : $"poll status {(int)status}");
            }
            await Task.Delay(PollInterval, cancellationToken);
        }
        if (record)
        {
            // Counted as 10 s, so a lost message cannot flatter the percentiles.
            Interlocked.Increment(ref _notVisible);
            Visible.RecordElapsed(posted, deadline);
        }
    }

    private async Task<HttpStatusCode?> StatusAsync(Guid id, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(outreachBase, $"/api/outreach/young-people/{id}"))
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
