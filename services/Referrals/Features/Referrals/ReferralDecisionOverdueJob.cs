using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.Contracts.Referrals;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Referrals;

namespace Support.Referrals.Features.Referrals;

/// <summary>
/// REF-04: a referral left undecided past its deadline is announced, once (<c>ReferralDecisionOverdue</c>), and if it
/// is still undecided at its escalation point it goes to a senior manager, once (<c>ReferralDecisionEscalated</c>).
/// Each pass claims undecided, unannounced referrals with <c>FOR UPDATE SKIP LOCKED</c> (replicas never take the same
/// one), marks them and writes the event to the outbox in the same transaction.
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
                while (await RunOnceAsync(stoppingToken) >= BatchSize)
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

    /// <summary>One pass; returns how many announcements it wrote (overdue and escalated).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        // Overdue first: a referral that passes both points between two passes is announced in that order.
        var overdue = await AnnounceAsync("overdue_notified_at", "decision_due_at", (referral, now) =>
            referral.MarkOverdueNotified(now)
                ? new ReferralDecisionOverdue
                {
                    ReferralId = referral.Id,
                    YoungPersonId = referral.YoungPersonId,
                    DecisionDueAt = referral.DecisionDueAt,
                    OccurredAt = now,
                }
                : null, cancellationToken);
        var escalated = await AnnounceAsync("escalation_notified_at", "escalates_at", (referral, now) =>
            referral.MarkEscalationNotified(now)
                ? new ReferralDecisionEscalated
                {
                    ReferralId = referral.Id,
                    YoungPersonId = referral.YoungPersonId,
                    DecisionDueAt = referral.DecisionDueAt,
                    EscalatesAt = referral.EscalatesAt,
                    OccurredAt = now,
                }
                : null, cancellationToken);
        if (overdue + escalated > 0)
        {
            LogAnnounced(logger, overdue, escalated);
        }
        return overdue + escalated;
    }

    /// <summary>Generic so the outbox records the event's own type (it is keyed by <typeparamref name="TMessage"/>).</summary>
    private async Task<int> AnnounceAsync<TMessage>(
        string notifiedColumn, string dueColumn, Func<Referral, DateTimeOffset, TMessage?> announcement, CancellationToken cancellationToken)
        where TMessage : class
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        var now = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entity = db.Model.FindEntityType(typeof(Referral))!;
        // Table and column names come from the EF model and this class, never from input.
        var claimSql = $"SELECT * FROM \"{entity.GetSchema()}\".\"{entity.GetTableName()}\" "
            + $"WHERE decided_at IS NULL AND {notifiedColumn} IS NULL AND {dueColumn} < @now "
            + $"ORDER BY {dueColumn} LIMIT @batch FOR UPDATE SKIP LOCKED";
        var due = await db.Referrals
            .FromSqlRaw(claimSql, new NpgsqlParameter("now", now), new NpgsqlParameter("batch", BatchSize))
            .ToListAsync(cancellationToken);
        var announced = 0;
        foreach (var referral in due)
        {
            if (announcement(referral, now) is { } message)
            {
                outbox.Add(message);
                announced++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return announced;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Referrals undecided: {Overdue} announced overdue, {Escalated} escalated to a senior manager")]
    private static partial void LogAnnounced(ILogger logger, int overdue, int escalated);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overdue referral pass failed with {ErrorType}")]
    private static partial void LogPassFailed(ILogger logger, string errorType);
}
