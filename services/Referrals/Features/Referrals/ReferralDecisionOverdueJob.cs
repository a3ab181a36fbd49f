using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.Contracts.Referrals;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Referrals;

namespace Support.Referrals.Features.Referrals;

/// <summary>
/// REF-04: a referral left undecided past its deadline is announced, once. Each pass claims undecided, unannounced
/// referrals past due with <c>FOR UPDATE SKIP LOCKED</c> (replicas never take the same one), marks them and writes
/// <c>ReferralDecisionOverdue</c> to the outbox in the same transaction.
/// </summary>
public sealed partial class ReferralDecisionOverdueJob(
    IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReferralDecisionOverdueJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunOnceAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be away; nothing is lost, the next pass finds the same referrals.
                LogPassFailed(logger, e.GetType().Name);
            }
            await Task.Delay(Interval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One pass; returns how many referrals were announced overdue.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        var now = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entity = db.Model.FindEntityType(typeof(Referral))!;
        // The table name comes from the EF model, never from input.
        var claimSql = $"SELECT * FROM \"{entity.GetSchema()}\".\"{entity.GetTableName()}\" "
            + "WHERE decided_at IS NULL AND overdue_notified_at IS NULL AND decision_due_at < @now "
            + "ORDER BY decision_due_at LIMIT @batch FOR UPDATE SKIP LOCKED";
        var due = await db.Referrals
            .FromSqlRaw(claimSql, new NpgsqlParameter("now", now), new NpgsqlParameter("batch", BatchSize))
            .ToListAsync(cancellationToken);
        var announced = 0;
        foreach (var referral in due.Where(r => r.MarkOverdueNotified(now)))
        {
            outbox.Add(new ReferralDecisionOverdue
            {
                ReferralId = referral.Id,
                YoungPersonId = referral.YoungPersonId,
                DecisionDueAt = referral.DecisionDueAt,
                OccurredAt = now,
            });
            announced++;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (announced > 0)
        {
            LogAnnounced(logger, announced);
        }
        return announced;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} referrals announced overdue for a decision")]
    private static partial void LogAnnounced(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overdue referral pass failed with {ErrorType}")]
    private static partial void LogPassFailed(ILogger logger, string errorType);
}
