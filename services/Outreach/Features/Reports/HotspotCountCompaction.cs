using Microsoft.EntityFrameworkCore;
using Support.Messaging.Jobs;
using Support.Outreach.Data;

namespace Support.Outreach.Features.Reports;

/// <summary>
/// OUT-08: every contact adds change rows to the hotspot report's shared counts instead of updating them
/// (<see cref="HotspotCounting"/>), so that contacts at the same place never wait for each other. This job folds each
/// key's rows back into one, so the report keeps reading a few rows per place and month. The totals never change:
/// the report sums the rows either way, and a pass commits whole.
/// </summary>
public sealed class HotspotCountCompaction(IServiceScopeFactory scopes, TimeProvider clock, ILogger<HotspotCountCompaction> logger)
    : PeriodicJob(scopes, clock, logger)
{
    public static readonly TimeSpan PassInterval = TimeSpan.FromMinutes(1);

    protected override TimeSpan Interval => PassInterval;

    protected override async Task<JobPass> RunPassAsync(CancellationToken cancellationToken)
    {
        await RunOnceAsync(cancellationToken);
        return JobPass.Done;
    }

    /// <summary>One pass; returns how many rows were folded away.</summary>
    public Task<int> RunOnceAsync(CancellationToken cancellationToken) =>
        InTransactionAsync<OutreachDbContext, int>(async (db, _) =>
            await db.Database.ExecuteSqlRawAsync(HotspotCounting.CompactVisitCountsSql, cancellationToken)
            + await db.Database.ExecuteSqlRawAsync(HotspotCounting.CompactYoungPersonMonthCountsSql, cancellationToken),
            cancellationToken);
}
