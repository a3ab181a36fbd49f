using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.ServiceDefaults.Jobs;

namespace Support.Referrals.Features.Deadlines;

/// <summary>
/// A missed deadline is never silent ("missed deadlines are visible, never hidden"): a job that, every minute of the
/// injected clock, announces each newly missed deadline of one kind exactly once. Each pass claims rows past due and
/// not yet announced with <c>FOR UPDATE SKIP LOCKED</c> (replicas never take the same row), marks them and writes the
/// event to the outbox in the same transaction, so a crash either announces and marks or does neither.
/// </summary>
public abstract partial class DeadlineJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    public const int BatchSize = 100;

    /// <summary>One pass; returns how many announcements it wrote.</summary>
    public abstract Task<int> RunOnceAsync(CancellationToken cancellationToken);

    protected DateTimeOffset Now => clock.GetUtcNow();

    protected IServiceScopeFactory Scopes => scopes;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunOnceAsync(stoppingToken) >= BatchSize)
                {
                }
                scopes.ReportJobPass(GetType().Name, Interval);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be away; nothing is lost, the next pass finds the same rows.
                LogPassFailed(logger, GetType().Name, e.GetType().Name);
            }
            await Task.Delay(Interval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

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
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        var now = at ?? Now;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Table and column names come from the EF model and the job's own constants, never from input.
        var claimSql = $"SELECT claimed.* FROM {db.TableOf<TEntity>()} AS claimed WHERE {condition(db)} "
            + $"ORDER BY claimed.{dueColumn} LIMIT @batch FOR UPDATE SKIP LOCKED";
        var due = await db.Set<TEntity>()
            .FromSqlRaw(claimSql, new NpgsqlParameter("now", now), new NpgsqlParameter("batch", BatchSize))
            .ToListAsync(cancellationToken);
        var announced = 0;
        foreach (var row in due)
        {
            if (announce(row, now, db) is { } message)
            {
                outbox.Add(message);
                announced++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (announced > 0)
        {
            LogAnnounced(logger, GetType().Name, announced);
        }
        return announced;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Job}: {Count} missed deadlines announced")]
    private static partial void LogAnnounced(ILogger logger, string job, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} pass failed with {ErrorType}")]
    private static partial void LogPassFailed(ILogger logger, string job, string errorType);
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
