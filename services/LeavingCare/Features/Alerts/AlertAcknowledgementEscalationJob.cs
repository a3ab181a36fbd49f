using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Contracts.LeavingCare;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.Messaging.Jobs;

namespace Support.LeavingCare.Features.Alerts;

/// <summary>
/// LC-01 "An alert that is not acknowledged escalates": an alert to an adviser or the team's queue not acknowledged
/// within <c>AlertAcknowledgementWorkingDays</c> (5) working days of being raised (the shared England and Wales
/// calendar, same London time of day) raises an <c>Unacknowledged...</c> alert to the leaving-care team manager, once.
/// Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>; the mark, the new alert and its <c>HandoverAlertRaised</c> commit
/// together. Runs on the shared job loop, on the same schedule and switch as the alert job.
/// </summary>
public sealed partial class AlertAcknowledgementEscalationJob(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<LeavingCareOptions> options, ILogger<AlertAcknowledgementEscalationJob> logger)
    : PeriodicJob(scopes, clock, logger)
{
    private const int BatchSize = 100;

    protected override bool Enabled => options.Value.AlertJobEnabled;

    protected override TimeSpan Interval => options.Value.AlertCheckInterval;

    protected override async Task<JobPass> RunPassAsync(CancellationToken cancellationToken) =>
        await RunOnceAsync(cancellationToken) == BatchSize ? JobPass.MoreWaiting : JobPass.Done;

    /// <summary>One pass; returns how many alerts were escalated.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var workingDays = options.Value.AlertAcknowledgementWorkingDays;
        var escalated = await InTransactionAsync<LeavingCareDbContext, int>(async (db, outbox) =>
        {
            // N working days are never fewer than N calendar days, so this cheap bound only narrows the rows the
            // calendar then decides on. The number comes from configuration, never from input.
            var candidates = await ClaimAsync<HandoverAlert>(db,
                $"claimed.acknowledged_at IS NULL AND claimed.escalated_at IS NULL AND claimed.queue <> '{AlertQueues.TeamManager}' "
                + $"AND claimed.raised_at < @now - make_interval(days => {workingDays})",
                "claimed.raised_at", BatchSize, now, cancellationToken);
            var count = 0;
            foreach (var alert in candidates)
            {
                if (alert.EscalateIfOverdue(now, workingDays) is not { } escalation)
                {
                    continue;
                }
                db.Alerts.Add(escalation);
                var eighteenth = await db.Pictures.Where(p => p.YoungPersonId == alert.YoungPersonId)
                    .Select(p => p.EighteenthBirthday).SingleOrDefaultAsync(cancellationToken);
                outbox.Add(new HandoverAlertRaised
                {
                    AlertId = escalation.Id,
                    YoungPersonId = escalation.YoungPersonId,
                    Kind = escalation.Kind,
                    EighteenthBirthday = eighteenth ?? escalation.DueOn,
                    Recipient = null,
                    OccurredAt = now,
                });
                count++;
            }
            return count;
        }, cancellationToken);
        if (escalated > 0)
        {
            LogEscalated(Logger, escalated);
        }
        return escalated;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} unacknowledged alerts escalated to the team manager")]
    private static partial void LogEscalated(ILogger logger, int count);
}
