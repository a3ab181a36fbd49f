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
    /// <summary>Backoff doubles per attempt up to this cap.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>
    /// A row that fails on its own (other rows of the same pass were published) more than this many times is set
    /// aside as dead. Failures while the broker is down for everyone never count towards it: an outage of any length
    /// only delays rows, it never sets them aside.
    /// </summary>
    public int MaxAttempts { get; set; } = 10;
    /// <summary>Sent rows are the audit trail of what was announced; they are deleted after this long.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(7);
    /// <summary>
    /// Processed inbox rows are kept this long, then deleted. It must outlast any redelivery of a message: the broker
    /// redelivers unacknowledged messages at once and our endpoints retry within seconds, so the only late copies are
    /// messages an operator moves back from an <c>_error</c> queue. 30 days leaves a month for that; a copy older
    /// than that would be applied again, so moving back older messages needs a look at their effects first.
    /// </summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);
    /// <summary>How often sent outbox rows and old inbox rows are cleaned up.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Rows deleted per statement; cleanup repeats the statement until nothing old is left.</summary>
    public int CleanupBatchSize { get; set; } = 5000;
    /// <summary>
    /// A relay that freezes or loses its network while holding a claim has its transaction ended by PostgreSQL after
    /// this long idle (<c>idle_in_transaction_session_timeout</c>), releasing the claimed rows to other replicas.
    /// </summary>
    public TimeSpan ClaimIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

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
