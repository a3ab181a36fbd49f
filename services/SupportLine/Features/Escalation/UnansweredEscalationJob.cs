using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Support.Contracts.SupportLine;
using Support.Messaging.Jobs;
using Support.Messaging.Outbox;
using Support.SupportLine.Data;
using Support.SupportLine.Domain;

namespace Support.SupportLine.Features.Escalation;

/// <summary>
/// SL-02: a text no person has answered within <see cref="SupportLineOptions.UnansweredAfter"/> (15 minutes by default)
/// escalates to the duty manager, once per wait: an alert in the duty inbox and <c>SupportLineMessageUnanswered</c>,
/// written in the same transaction as the mark. Runs on the injected clock; rows are claimed with SKIP LOCKED.
/// </summary>
public sealed partial class UnansweredEscalationJob(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<SupportLineOptions> options, ILogger<UnansweredEscalationJob> logger)
    : PeriodicJob(scopes, clock, logger)
{
    private const int BatchSize = 100;

    protected override TimeSpan Interval => options.Value.EscalationCheckInterval;

    protected override bool Enabled => options.Value.JobsEnabled;

    protected override async Task<JobPass> RunPassAsync(CancellationToken cancellationToken) =>
        await RunOnceAsync(cancellationToken) == BatchSize ? JobPass.MoreWaiting : JobPass.Done;

    /// <summary>One pass; returns how many waiting conversations it claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportLineDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        var now = Clock.GetUtcNow();
        var target = options.Value.UnansweredAfter;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entity = db.Model.FindEntityType(typeof(Conversation))!;
        var claimSql = $"SELECT * FROM \"{entity.GetSchema()}\".\"{entity.GetTableName()}\" WHERE status = 'Open' "
            + "AND awaiting_reply_since IS NOT NULL AND awaiting_reply_since <= @due AND escalated_at IS NULL "
            + "ORDER BY awaiting_reply_since LIMIT @batch FOR UPDATE SKIP LOCKED";
        var due = await db.Conversations
            .FromSqlRaw(claimSql, new NpgsqlParameter("due", now - target), new NpgsqlParameter("batch", BatchSize))
            .ToListAsync(cancellationToken);
        var escalated = 0;
        foreach (var conversation in due.Where(c => c.MarkEscalated(now)))
        {
            db.Alerts.Add(new Alert
            {
                Id = Guid.CreateVersion7(now), ConversationId = conversation.Id, Kind = AlertKind.UnansweredToDutyManager, RaisedAt = now,
                Reason = $"Not answered by a person within {target.TotalMinutes:0} minutes (SL-02)",
            });
            outbox.Add(new SupportLineMessageUnanswered
            {
                ConversationId = conversation.Id,
                YoungPersonId = conversation.YoungPersonId,
                WaitingSince = conversation.AwaitingReplySince!.Value,
                Target = target,
                OccurredAt = now,
            });
            escalated++;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (escalated > 0)
        {
            LogEscalated(Logger, escalated);
        }
        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalated {Count} unanswered conversations to the duty manager")]
    private static partial void LogEscalated(ILogger logger, int count);
}
