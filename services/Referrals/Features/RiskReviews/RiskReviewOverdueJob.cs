using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.Contracts.Risk;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain;

namespace Support.Referrals.Features.RiskReviews;

/// <summary>
/// REF-16, Part I <c>RiskReviewDeadline</c>: a missed review is never silent. Each pass claims open reviews past due and
/// not yet announced with <c>FOR UPDATE SKIP LOCKED</c>, marks them and stages <c>RiskReviewOverdue</c> in the same
/// transaction, so each review is announced exactly once even with several replicas.
/// </summary>
public sealed partial class RiskReviewOverdueJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RiskReviewOverdueJob> logger)
    : BackgroundService
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
                // The database may be away; nothing is lost, the next pass finds the same reviews.
                LogPassFailed(logger, e.GetType().Name);
            }
            await Task.Delay(Interval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One pass; returns how many reviews were announced overdue.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        var now = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entity = db.Model.FindEntityType(typeof(RiskReview))!;
        // The table name comes from the EF model, never from input.
        var claimSql = $"SELECT * FROM \"{entity.GetSchema()}\".\"{entity.GetTableName()}\" "
            + "WHERE status = 'Open' AND due_at < @now AND overdue_notified_at IS NULL "
            + "ORDER BY due_at LIMIT @batch FOR UPDATE SKIP LOCKED";
        var due = await db.RiskReviews
            .FromSqlRaw(claimSql, new NpgsqlParameter("now", now), new NpgsqlParameter("batch", BatchSize))
            .ToListAsync(cancellationToken);
        var announced = 0;
        foreach (var review in due.Where(r => r.MarkOverdueNotified(now)))
        {
            outbox.Add(new RiskReviewOverdue { ReviewId = review.Id, YoungPersonId = review.YoungPersonId, DueAt = review.DueAt, OccurredAt = now });
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

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} risk reviews announced overdue")]
    private static partial void LogAnnounced(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overdue risk-review pass failed with {ErrorType}")]
    private static partial void LogPassFailed(ILogger logger, string errorType);
}
