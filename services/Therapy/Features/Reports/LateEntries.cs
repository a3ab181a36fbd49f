using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Reporting;
using Support.ServiceDefaults.Time;

namespace Support.Therapy.Features.Reports;

/// <summary>
/// COM-09 for the reports that count entries by when they happened (a referral's ReferredAt, an unmet need's 'since', a
/// missing episode's last sighting, all given by people): once the year has closed, the entries dated in it but recorded
/// after it ended restate it. An open year has none.
/// </summary>
public static class LateEntries
{
    /// <summary>
    /// The restatement of a closed <paramref name="period"/>, from when each entry dated in it was recorded (the server's
    /// time); <paramref name="entries"/> names them in the plural for the note ("referrals", "unmet needs").
    /// </summary>
    public static async Task<Restatement?> RestatementAsync(IQueryable<DateTimeOffset> recordedAt, FinancialYear period, DateOnly today, string entries,
        Disclosure disclosure, CancellationToken cancellationToken) =>
        Closed(period, today) ? Of(await CountAsync(recordedAt, period, cancellationToken), entries, disclosure) : null;

    /// <summary>Whether <paramref name="period"/> has ended, so late entries can restate it.</summary>
    public static bool Closed(FinancialYear period, DateOnly today) => today > period.LastDay;

    /// <summary>How many of the entries dated in <paramref name="period"/> were recorded after it ended, and when the last was.</summary>
    private static async Task<Late> CountAsync(IQueryable<DateTimeOffset> recordedAt, FinancialYear period, CancellationToken cancellationToken)
    {
        var closedAt = period.To;
        var late = await recordedAt.Where(at => at >= closedAt)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Last = g.Max() })
            .SingleOrDefaultAsync(cancellationToken);
        return late is null ? Late.None : new(late.Count, late.Last);
    }

    public static Restatement Of(Late late, string entries, Disclosure disclosure) =>
        Restatement.Of(late.Count, late.Last is { } last ? London.DateOf(last) : null, entries, disclosure);

    /// <summary>Late entries counted from several sources: their number, and when the last of them was recorded.</summary>
    public sealed record Late(int Count, DateTimeOffset? Last)
    {
        public static readonly Late None = new(0, null);

        public static Late operator +(Late a, Late b) =>
            new(a.Count + b.Count, a.Last is null ? b.Last : b.Last is null ? a.Last : a.Last > b.Last ? a.Last : b.Last);
    }
}
