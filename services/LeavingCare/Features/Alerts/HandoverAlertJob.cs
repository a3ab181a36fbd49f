using Microsoft.Extensions.Options;
using Support.ServiceDefaults.Jobs;
using Support.LeavingCare.Data;

namespace Support.LeavingCare.Features.Alerts;

/// <summary>
/// LC-01, LC-02, LC-03: the scheduled pass that raises handover, escalated and keep-in-touch alerts and announces
/// <c>SupportContinuedPast18</c>, using the injected clock. Exactly-once comes from <see cref="AlertEngine"/>'s
/// unique index and state flag, in the same transaction as the outbox rows, so replicas may run it side by side.
/// </summary>
public sealed partial class HandoverAlertJob(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<LeavingCareOptions> options, ILogger<HandoverAlertJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.AlertJobEnabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                scopes.ReportJobPass("leavingcare.handover-alerts", options.Value.AlertCheckInterval);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be away; nothing is lost, the next pass raises whatever is still due.
                LogPassFailed(logger, e.GetType().Name);
            }
            await Task.Delay(options.Value.AlertCheckInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One pass over every young person; returns what was raised.</summary>
    public async Task<AlertPassResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeavingCareDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await AlertEngine.RunAsync(db, options.Value, clock.GetUtcNow(), youngPersonId: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (result.Total > 0)
        {
            LogRaised(logger, result.Handover, result.Escalated, result.KeepInTouch, result.SupportContinued);
        }
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert pass: {Handover} handover, {Escalated} escalated, {KeepInTouch} keep-in-touch alerts; {Continued} support-continued-past-18")]
    private static partial void LogRaised(ILogger logger, int handover, int escalated, int keepInTouch, int continued);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert pass failed with {ErrorType}")]
    private static partial void LogPassFailed(ILogger logger, string errorType);
}
