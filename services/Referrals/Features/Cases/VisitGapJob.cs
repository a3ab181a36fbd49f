using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Contracts.Cases;
using Support.Referrals.Data;
using Support.Referrals.Domain.Cases;
using Support.Referrals.Features.Deadlines;
using Support.ServiceDefaults.Data;

namespace Support.Referrals.Features.Cases;

/// <summary>
/// REF-23: a visit-gap alert fires when a case has had no face-to-face contact within the days its risk level allows.
/// Each gap is announced once (<c>VisitGapAlertRaised</c>), its notice row keyed on the contact it counts from and
/// written in the same transaction as the event; two replicas racing on the same gap collide on that key and the loser
/// rolls back, to find it announced on its next pass.
/// </summary>
public sealed class VisitGapJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<VisitGapOptions> options, ILogger<VisitGapJob> logger)
    : DeadlineJob(scopes, clock, logger)
{
    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        try
        {
            return await AnnounceGapsAsync(now, cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another runner (a second replica, or a pass started by hand) announced the same gap first; this pass
            // rolled back whole and the next one finds those gaps announced.
            return 0;
        }
    }

    private async Task<int> AnnounceGapsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await InTransactionAsync<ReferralsDbContext, int>(async (db, outbox) =>
        {
            var gaps = await VisitGaps.OverdueAsync(db, options.Value, now, cancellationToken);
            var ids = gaps.Select(g => g.CaseId).ToList();
            var announced = (await db.VisitGapNotices.AsNoTracking().Where(n => ids.Contains(n.CaseId)).Select(n => new { n.CaseId, n.Since }).ToListAsync(cancellationToken))
                .Select(n => (n.CaseId, n.Since)).ToHashSet();
            var count = 0;
            foreach (var gap in gaps.Where(g => !announced.Contains((g.CaseId, g.Since))).Take(BatchSize))
            {
                db.VisitGapNotices.Add(VisitGapNotice.For(gap.CaseId, gap.Since, now));
                outbox.Add(new VisitGapAlertRaised
                {
                    CaseId = gap.CaseId,
                    YoungPersonId = gap.YoungPersonId,
                    KeyWorker = gap.KeyWorker,
                    RiskLevel = gap.RiskLevel,
                    LastFaceToFaceAt = gap.LastFaceToFaceAt,
                    GapDays = gap.GapDays,
                    DueAt = gap.DueAt,
                    OccurredAt = now,
                });
                count++;
            }
            return count;
        }, cancellationToken);
}
