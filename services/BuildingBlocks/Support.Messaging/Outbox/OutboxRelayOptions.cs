namespace Support.Messaging.Outbox;

public sealed class OutboxRelayOptions
{
    public int BatchSize { get; set; } = 100;
    /// <summary>
    /// How long the relay sleeps when there was nothing to send, unless a commit wakes it first. Commits in this process
    /// always wake it, so the poll only picks up rows whose retry time has come and anything a wake-up missed.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>A publish that has not been confirmed by the broker within this time counts as failed.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Backoff doubles per attempt up to this cap; a row is never given up on (no silent drop).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Sent rows are the audit trail of what was announced; they are deleted after this long.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Fault-injection seam for tests: runs after a row was published and before it is marked sent. An exception
    /// here behaves like a crash at the worst moment: the claim transaction rolls back and the row is sent again.
    /// </summary>
    public Func<OutboxMessage, Task>? AfterPublishBeforeMark { get; set; }

    public TimeSpan BackoffFor(int attempts)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        // Cap before building the TimeSpan: a long InitialBackoff times 2^30 overflows TimeSpan, and an exception here
        // would fail the relay's whole pass, so the rows claimed before this one would be re-published on every pass.
        var delayMs = InitialBackoff.TotalMilliseconds * factor;
        return delayMs < MaxBackoff.TotalMilliseconds ? TimeSpan.FromMilliseconds(delayMs) : MaxBackoff;
    }
}
