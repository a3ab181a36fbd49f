using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Support.ServiceDefaults.Jobs;
using Support.Contracts.Missing;
using Support.Messaging.Outbox;
using Support.Missing.Data;
using Support.Missing.Domain;

namespace Support.Missing.Features.ReturnInterviews;

/// <summary>
/// MIS-02: a breached deadline is never silent. On each tick of the injected clock, interviews past due and not
/// finished are claimed with <c>FOR UPDATE SKIP LOCKED</c> (several replicas never take the same one), marked and
/// given a <c>ReturnInterviewOverdue</c> outbox row in the same transaction, so each is announced exactly once.
/// </summary>
public sealed partial class ReturnInterviewOverdueJob(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<MissingOptions> options, ILogger<ReturnInterviewOverdueJob> logger)
    : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int announced;
                do
                {
                    announced = await RunOnceAsync(stoppingToken);
                }
                while (announced == BatchSize);
                scopes.ReportJobPass("missing.return-interview-overdue", options.Value.OverdueCheckInterval);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be away; nothing is lost, the next pass finds the same interviews.
                LogPassFailed(logger, e.GetType().Name);
            }
            await Task.Delay(options.Value.OverdueCheckInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One pass; returns how many interviews were announced overdue.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MissingDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        var now = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entity = db.Model.FindEntityType(typeof(ReturnInterview))!;
        // The table name comes from the EF model, never from input.
        var claimSql = $"SELECT * FROM \"{entity.GetSchema()}\".\"{entity.GetTableName()}\" "
            + "WHERE status IN ('Due', 'Offered') AND due_at <= @now AND overdue_notified_at IS NULL "
            + "ORDER BY due_at LIMIT @batch FOR UPDATE SKIP LOCKED";
        var due = await db.ReturnInterviews
            .FromSqlRaw(claimSql, new NpgsqlParameter("now", now), new NpgsqlParameter("batch", BatchSize))
            .ToListAsync(cancellationToken);
        var announced = 0;
        foreach (var interview in due.Where(i => i.MarkOverdueNotified(now)))
        {
            outbox.Add(new ReturnInterviewOverdue
            {
                InterviewId = interview.Id,
                EpisodeId = interview.EpisodeId,
                YoungPersonId = interview.YoungPersonId,
                DueAt = interview.DueAt,
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

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} return-home interviews announced overdue")]
    private static partial void LogAnnounced(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overdue return-interview pass failed with {ErrorType}")]
    private static partial void LogPassFailed(ILogger logger, string errorType);
}
