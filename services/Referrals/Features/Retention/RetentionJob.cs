using Microsoft.Extensions.Options;
using Support.Messaging.Jobs;
using Support.Referrals.Data;

namespace Support.Referrals.Features.Retention;

/// <summary>The retention job on its schedule (<see cref="RetentionOptions.PassInterval"/>); each pass is <see cref="RetentionPass"/>.</summary>
public sealed class RetentionJob(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionJob> logger)
    : PeriodicJob(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.PassInterval;

    protected override async Task<JobPass> RunPassAsync(CancellationToken cancellationToken) =>
        await InTransactionAsync<ReferralsDbContext, bool>(async (db, outbox) =>
            (await RetentionPass.RunAsync(db, outbox, options.Value, Clock.GetUtcNow(), RetentionPass.Scheduler, cancellationToken)).MoreWaiting,
            cancellationToken) ? JobPass.MoreWaiting : JobPass.Done;
}
