using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Reporting;
using Support.ServiceDefaults.Time;
using Support.Therapy.Domain;

namespace Support.Therapy.Features.Reports;

/// <summary>
/// COM-09 for the reports that count therapy referrals by when they were made (ReferredAt, given by the referrer):
/// once the year has closed, the referrals dated in it but recorded after it ended restate it. An open year has none.
/// </summary>
public static class ReferralRestatement
{
    public static async Task<Restatement?> OfAsync(IQueryable<TherapyReferral> madeInPeriod, FinancialYear period, DateOnly today, Disclosure disclosure,
        CancellationToken cancellationToken)
    {
        if (today <= period.LastDay)
        {
            return null;
        }
        var closedAt = period.To;
        var late = await madeInPeriod.Where(r => r.RecordedAt >= closedAt)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Last = g.Max(r => r.RecordedAt) })
            .SingleOrDefaultAsync(cancellationToken);
        return Restatement.Of(late?.Count ?? 0, late is null ? null : London.DateOf(late.Last), "referrals", disclosure);
    }
}
