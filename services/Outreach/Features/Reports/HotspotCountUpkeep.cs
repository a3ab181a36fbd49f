using Microsoft.EntityFrameworkCore;
using Support.Messaging.Jobs;
using Support.Outreach.Data;

namespace Support.Outreach.Features.Reports;

/// <summary>
/// OUT-08: the hotspot counts' background upkeep (<see cref="HotspotCounting"/>). Every few seconds it recounts the
/// young people whose contacts, corrections or matches were queued since its last pass, and it folds each key's change
/// rows in the shared counts back into one, so the report keeps reading a few rows per place and month. The totals
/// never change by folding: the report sums the rows either way, and a pass commits whole.
/// </summary>
public sealed class HotspotCountUpkeep(IServiceScopeFactory scopes, TimeProvider clock, ILogger<HotspotCountUpkeep> logger)
    : PeriodicJob(scopes, clock, logger)
{
    public static readonly TimeSpan PassInterval = TimeSpan.FromSeconds(5);

    protected override TimeSpan Interval => PassInterval;

    protected override async Task<JobPass> RunPassAsync(CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken);
        await CompactAsync(cancellationToken);
        return JobPass.Done;
    }

    /// <summary>Recounts what is queued; returns how many queued rows it took.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        await using var scope = Scopes.CreateAsyncScope();
        return await HotspotCounting.CatchUpAsync(scope.ServiceProvider.GetRequiredService<OutreachDbContext>(), cancellationToken);
    }

    /// <summary>One fold of the shared counts; returns how many rows were folded away.</summary>
    public Task<int> CompactAsync(CancellationToken cancellationToken) =>
        InTransactionAsync<OutreachDbContext, int>(async (db, _) =>
            await db.Database.ExecuteSqlRawAsync(HotspotCounting.CompactVisitCountsSql, cancellationToken)
            + await db.Database.ExecuteSqlRawAsync(HotspotCounting.CompactYoungPersonMonthCountsSql, cancellationToken),
            cancellationToken);
}
