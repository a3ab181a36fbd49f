using Microsoft.EntityFrameworkCore;
using Support.Messaging.Jobs;
using Support.Referrals.Data;

namespace Support.Referrals.Features.Deadlines;

/// <summary>
/// A missed deadline is never silent ("missed deadlines are visible, never hidden"): a job that, every minute of the
/// injected clock, announces each newly missed deadline of one kind exactly once. Each pass claims rows past due and
/// not yet announced with <c>FOR UPDATE SKIP LOCKED</c> (replicas never take the same row), marks them and writes the
/// event to the outbox in the same transaction, so a crash either announces and marks or does neither.
/// </summary>
public abstract partial class DeadlineJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger)
    : PeriodicJob(scopes, clock, logger)
{
    public static readonly TimeSpan PassInterval = TimeSpan.FromMinutes(1);
    public const int BatchSize = 100;

    /// <summary>One pass; returns how many announcements it wrote.</summary>
    public abstract Task<int> RunOnceAsync(CancellationToken cancellationToken);

    protected DateTimeOffset Now => Clock.GetUtcNow();

    protected override TimeSpan Interval => PassInterval;

    protected override async Task<JobPass> RunPassAsync(CancellationToken cancellationToken) =>
        await RunOnceAsync(cancellationToken) >= BatchSize ? JobPass.MoreWaiting : JobPass.Done;

    /// <summary>
    /// Claims up to <see cref="BatchSize"/> rows of <typeparamref name="TEntity"/> (aliased <c>claimed</c>) matching
    /// <paramref name="condition"/>, which may use <c>@now</c>, oldest <paramref name="dueColumn"/> first, and writes
    /// what <paramref name="announce"/> returns for each: it marks the row (or adds a notice row to the context) and
    /// returns the event, or null if the row no longer needs announcing. Generic in the event so the outbox records
    /// the event's own type. <paramref name="at"/> is the pass's instant when the caller has already used it.
    /// </summary>
    protected async Task<int> AnnounceAsync<TEntity, TMessage>(
        Func<ReferralsDbContext, string> condition, string dueColumn, Func<TEntity, DateTimeOffset, ReferralsDbContext, TMessage?> announce,
        CancellationToken cancellationToken, DateTimeOffset? at = null)
        where TEntity : class
        where TMessage : class
    {
        var now = at ?? Now;
        var announced = await InTransactionAsync<ReferralsDbContext, int>(async (db, outbox) =>
        {
            // Deadline conditions ask that no notice row exists yet: recheck after locking (see ClaimAsync).
            var due = await ClaimAsync<TEntity>(db, condition(db), $"claimed.{dueColumn}", BatchSize, now, cancellationToken,
                recheckOtherTables: true);
            var count = 0;
            foreach (var row in due)
            {
                if (announce(row, now, db) is { } message)
                {
                    outbox.Add(message);
                    count++;
                }
            }
            return count;
        }, cancellationToken);
        if (announced > 0)
        {
            LogAnnounced(Logger, GetType().Name, announced);
        }
        return announced;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Job}: {Count} missed deadlines announced")]
    private static partial void LogAnnounced(ILogger logger, string job, int count);

}

internal static class ModelTables
{
    /// <summary>The quoted, schema-qualified table of <typeparamref name="TEntity"/>, from the EF model.</summary>
    public static string TableOf<TEntity>(this DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        return $"\"{entity.GetSchema()}\".\"{entity.GetTableName()}\"";
    }
}

public static class DeadlineJobRegistration
{
    /// <summary>Runs <typeparamref name="TJob"/> in the background; tests resolve the same instance to run a pass.</summary>
    public static IServiceCollection AddDeadlineJob<TJob>(this IServiceCollection services) where TJob : DeadlineJob
    {
        services.AddSingleton<TJob>();
        services.AddHostedService(sp => sp.GetRequiredService<TJob>());
        return services;
    }
}
