using Microsoft.Extensions.Options;
using Support.Contracts.Missing;
using Support.Messaging.Jobs;
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
    : PeriodicJob(scopes, clock, logger)
{
    private const int BatchSize = 100;

    protected override TimeSpan Interval => options.Value.OverdueCheckInterval;

    protected override async Task<JobPass> RunPassAsync(CancellationToken cancellationToken) =>
        await RunOnceAsync(cancellationToken) == BatchSize ? JobPass.MoreWaiting : JobPass.Done;

    /// <summary>One pass; returns how many interviews were announced overdue.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var announced = await InTransactionAsync<MissingDbContext, int>(async (db, outbox) =>
        {
            var due = await ClaimAsync<ReturnInterview>(db,
                "claimed.status IN ('Due', 'Offered') AND claimed.due_at <= @now AND claimed.overdue_notified_at IS NULL",
                "claimed.due_at", BatchSize, now, cancellationToken);
            var count = 0;
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
                count++;
            }
            return count;
        }, cancellationToken);
        if (announced > 0)
        {
            LogAnnounced(Logger, announced);
        }
        return announced;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} return-home interviews announced overdue")]
    private static partial void LogAnnounced(ILogger logger, int count);

}
