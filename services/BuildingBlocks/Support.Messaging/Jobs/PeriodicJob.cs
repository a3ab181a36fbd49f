using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Support.Messaging.Outbox;
using Support.ServiceDefaults.Jobs;

namespace Support.Messaging.Jobs;

/// <summary>What one pass of a <see cref="PeriodicJob"/> asks of the loop.</summary>
/// <param name="RunAgainNow">More work is waiting (a full batch was taken): run the next pass at once.</param>
/// <param name="Pause">Wait this long instead of the job's usual wait (for example while the broker is down).</param>
public readonly record struct JobPass(bool RunAgainNow = false, TimeSpan? Pause = null)
{
    public static JobPass Done => default;

    public static JobPass MoreWaiting => new(RunAgainNow: true);
}

/// <summary>
/// The one loop of every background job (the outbox relay, deadline and overdue announcements, alert passes): run a
/// pass, then wait on the injected clock; a failed pass is logged by its exception type only (database error text can
/// quote personal data) and retried after the usual wait, since nothing a pass does is kept unless it commits. Passes
/// that claim rows use <see cref="ClaimAsync{TEntity}"/> and <see cref="InTransactionAsync{TContext, TResult}"/>, so
/// replicas never take the same row and a row's change and its outbox rows commit together or not at all.
/// </summary>
public abstract partial class PeriodicJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    public const string FirstPassDelaySetting = "Jobs:FirstPassDelay";
    public static readonly TimeSpan DefaultFirstPassDelay = TimeSpan.FromSeconds(2);

    private Lazy<JobHeartbeat?>? _heartbeat;
    private TimeSpan _firstPassDelay = DefaultFirstPassDelay;

    protected IServiceScopeFactory Scopes => scopes;

    protected TimeProvider Clock => clock;

    protected ILogger Logger => logger;

    /// <summary>How long to wait between passes when there was nothing more to do.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>False: the job does not run in this process (configuration turned it off).</summary>
    protected virtual bool Enabled => true;

    /// <summary>False: the first pass runs as soon as the host has started, without <see cref="FirstPassDelaySetting"/>.</summary>
    protected virtual bool DelaysFirstPass => true;

    /// <summary>One pass of the job.</summary>
    protected abstract Task<JobPass> RunPassAsync(CancellationToken cancellationToken);

    /// <summary>The wait after a pass with nothing more to do; the relay also wakes when a commit signals it.</summary>
    protected virtual Task WaitForNextPassAsync(CancellationToken cancellationToken) => Task.Delay(Interval, clock, cancellationToken);

    /// <summary>
    /// Reads <c>Jobs:FirstPassDelay</c> before the host starts: an unreadable or negative value stops the start with
    /// an error naming the setting, rather than stopping the host later, after it had reported itself ready.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        using (var scope = scopes.CreateScope())
        {
            _firstPassDelay = ReadFirstPassDelay(scope.ServiceProvider.GetService<IConfiguration>());
        }
        return base.StartAsync(cancellationToken);
    }

    /// <summary>The setting's value, <see cref="DefaultFirstPassDelay"/> when absent; throws when unreadable or negative.</summary>
    public static TimeSpan ReadFirstPassDelay(IConfiguration? configuration)
    {
        var text = configuration?[FirstPassDelaySetting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultFirstPassDelay;
        }
        if (!TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var delay) || delay < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{FirstPassDelaySetting} must be a time span of zero or more, such as 00:00:02.");
        }
        return delay;
    }

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }
        await WaitForHostToStartAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            JobPass pass;
            try
            {
                pass = await RunPassAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be away; nothing is lost, the next pass finds the same rows.
                LogPassFailed(logger, GetType().Name, e.GetType().Name);
                pass = JobPass.Done;
            }
            // Every job's pass is a heartbeat (support.jobs.*): a job that stops running is itself an alert. The
            // heartbeat is a singleton, resolved once rather than through a new scope on every pass of the relay.
            _heartbeat ??= new Lazy<JobHeartbeat?>(() =>
            {
                using var scope = scopes.CreateScope();
                return scope.ServiceProvider.GetService<JobHeartbeat>();
            });
            _heartbeat.Value?.PassCompleted(GetType().Name, Interval);
            if (pass.RunAgainNow)
            {
                continue;
            }
            var wait = pass.Pause is { } pause ? Task.Delay(pause, clock, stoppingToken) : WaitForNextPassAsync(stoppingToken);
            await wait.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// The first pass waits until the host has started, then <c>Jobs:FirstPassDelay</c> (2 s by default, on the
    /// injected clock) unless the job opts out. A start is CPU-bound on a small node: every job's first pass compiles
    /// its queries, partly synchronously while the host is still starting, and beside the first readiness check it
    /// delayed the moment the service could take work (Referrals ready in 2.66-2.88 s with the passes at once, 1.99-2.58 s
    /// with them after the start; docs/benchmarks.md, "Referrals' start-up: the jobs after the start"). A missed
    /// deadline is announced at most this much later after a restart.
    /// </summary>
    private async Task WaitForHostToStartAsync(CancellationToken stoppingToken)
    {
        using var scope = scopes.CreateScope();
        var lifetime = scope.ServiceProvider.GetService<IHostApplicationLifetime>();
        if (lifetime is not null && !lifetime.ApplicationStarted.IsCancellationRequested)
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
            using var onStopping = stoppingToken.Register(() => started.TrySetResult());
            await started.Task;
        }
        if (DelaysFirstPass && _firstPassDelay > TimeSpan.Zero)
        {
            await Task.Delay(_firstPassDelay, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a new scope and transaction with the scope's outbox, saves and commits: the
    /// rows a pass claimed, its changes and the events it announces commit together or not at all.
    /// </summary>
    protected async Task<TResult> InTransactionAsync<TContext, TResult>(
        Func<TContext, IOutbox, Task<TResult>> work, CancellationToken cancellationToken)
        where TContext : DbContext
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work(db, outbox);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Claims up to <paramref name="batch"/> rows of <typeparamref name="TEntity"/> (aliased <c>claimed</c>) that match
    /// <paramref name="condition"/> (which may use <c>@now</c>), ordered by <paramref name="orderBy"/>, with
    /// <c>FOR UPDATE SKIP LOCKED</c>, in the caller's transaction. Condition and order come from the job's own code and
    /// column names, never from input.
    /// </summary>
    /// <remarks>
    /// A condition on other tables (a notice row that must not exist yet) needs <paramref name="recheckOtherTables"/>.
    /// The claim's condition is evaluated on its statement's snapshot, and PostgreSQL re-evaluates it after locking only
    /// when the claimed row itself was changed. So a replica whose statement began just before another committed a
    /// notice for a row, and released its lock, can still claim that row: its notice would then break the notice's key
    /// and fail the whole pass. The recheck evaluates the condition again in a second statement, with a new snapshot,
    /// and keeps only the rows the first claimed that still match. Rows only the second statement locked are left for
    /// the next pass.
    /// </remarks>
    public static async Task<List<TEntity>> ClaimAsync<TEntity>(
        DbContext db, string condition, string orderBy, int batch, DateTimeOffset now, CancellationToken cancellationToken,
        bool recheckOtherTables = false)
        where TEntity : class
    {
        var sql = $"SELECT claimed.* FROM {MessagingModel.QualifiedTable<TEntity>(db)} AS claimed WHERE {condition} "
            + $"ORDER BY {orderBy} LIMIT @batch FOR UPDATE SKIP LOCKED";
        Task<List<TEntity>> Claim() => db.Set<TEntity>()
            .FromSqlRaw(sql, new NpgsqlParameter("now", now), new NpgsqlParameter("batch", batch))
            .ToListAsync(cancellationToken);
        var claimed = await Claim();
        if (!recheckOtherTables || claimed.Count == 0)
        {
            return claimed;
        }
        // Tracked queries resolve to the same instances, so the intersection is by reference.
        var stillMatching = (await Claim()).ToHashSet(ReferenceEqualityComparer.Instance);
        return [.. claimed.Where(stillMatching.Contains)];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} pass failed with {ErrorType}")]
    private static partial void LogPassFailed(ILogger logger, string job, string errorType);
}
