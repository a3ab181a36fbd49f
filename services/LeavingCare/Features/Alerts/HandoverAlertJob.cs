using Microsoft.Extensions.Options;
using Support.LeavingCare.Data;
using Support.Messaging.Jobs;

namespace Support.LeavingCare.Features.Alerts;

/// <summary>
/// LC-01, LC-02, LC-03: the scheduled pass that raises handover, escalated and keep-in-touch alerts and announces
/// <c>SupportContinuedPast18</c>, using the injected clock. Exactly-once comes from <see cref="AlertEngine"/>'s
/// unique index and state flag, in the same transaction as the outbox rows, so replicas may run it side by side.
/// </summary>
public sealed partial class HandoverAlertJob(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<LeavingCareOptions> options, ILogger<HandoverAlertJob> logger)
    : PeriodicJob(scopes, clock, logger)
{
    protected override bool Enabled => options.Value.AlertJobEnabled;

    protected override TimeSpan Interval => options.Value.AlertCheckInterval;

    protected override async Task<JobPass> RunPassAsync(CancellationToken cancellationToken)
    {
        await RunOnceAsync(cancellationToken);
        return JobPass.Done;
    }

    /// <summary>One pass over every young person; returns what was raised.</summary>
    public async Task<AlertPassResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        // The engine writes its outbox rows through the context; the transaction makes the pass all-or-nothing.
        var result = await InTransactionAsync<LeavingCareDbContext, AlertPassResult>(
            (db, _) => AlertEngine.RunAsync(db, options.Value, Clock.GetUtcNow(), youngPersonId: null, cancellationToken), cancellationToken);
        if (result.Total > 0)
        {
            LogRaised(Logger, result.Handover, result.Escalated, result.KeepInTouch, result.SupportContinued);
        }
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert pass: {Handover} handover, {Escalated} escalated, {KeepInTouch} keep-in-touch alerts; {Continued} support-continued-past-18")]
    private static partial void LogRaised(ILogger logger, int handover, int escalated, int keepInTouch, int continued);

}
