using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Reporting;
using Support.ServiceDefaults.Time;

namespace Support.Therapy.Features.Reports;

/// <summary>
/// COM-09 for the reports that count entries by when they happened (a referral's ReferredAt, an unmet need's 'since',
/// both given by people): once the year has closed, the entries dated in it but recorded after it ended restate it. An
/// open year has none.
/// </summary>
public static class LateEntries
{
    /// <summary>
    /// The restatement of a closed <paramref name="period"/>, from when each entry dated in it was recorded (the server's
    /// time); <paramref name="entries"/> names them in the plural for the note ("referrals", "unmet needs").
    /// </summary>
    public static async Task<Restatement?> RestatementAsync(IQueryable<DateTimeOffset> recordedAt, FinancialYear period, DateOnly today, string entries,
        Disclosure disclosure, CancellationToken cancellationToken)
    {
        if (today <= period.LastDay)
        {
            return null;
        }
        var closedAt = period.To;
        var late = await recordedAt.Where(at => at >= closedAt)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Last = g.Max() })
            .SingleOrDefaultAsync(cancellationToken);
        return Restatement.Of(late?.Count ?? 0, late is null ? null : London.DateOf(late.Last), entries, disclosure);
    }
}
