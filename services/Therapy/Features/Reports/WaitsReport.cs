using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Therapy;
using Support.ServiceDefaults.Reporting;
using Support.ServiceDefaults.Time;
using Support.Therapy.Data;
using Support.Therapy.Domain;

namespace Support.Therapy.Features.Reports;

/// <summary>
/// THR-02: waits from referral to first appointment against the 4-week target and the 18-week breach line, in aggregate
/// per offer type (the commissioner's view of breaches, counts only), and from version 3 the waiting list per provider.
/// </summary>
public static class WaitsReport
{
    public static readonly IReadOnlyList<string> Columns =
        ["SeenWithin4Weeks", "Seen4To18Weeks", "SeenAfter18Weeks", "WaitingUnder4Weeks", "Waiting4To18Weeks", "Waiting18WeeksOrMore"];

    /// <summary>The columns of the waiting list per provider: the last three of <see cref="Columns"/>.</summary>
    public static readonly IReadOnlyList<string> WaitingColumns = [.. Columns.Skip(3)];

    public static Task<IResult> HandleAsync(string? year, string? format, ClaimsPrincipal user, TherapyDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        YearReport.AnswerAsync(year, format, user, clock, (period, disclosure) => BuildAsync(db, period, disclosure, clock, cancellationToken));

    public static async Task<TableReport> BuildAsync(TherapyDbContext db, FinancialYear period, Disclosure disclosure, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var identity = ReportIdentity.Of(ReportDefinitions.Waits);
        var first = await db.Referrals.MinAsync(r => (DateTimeOffset?)r.ReferredAt, cancellationToken);
        if (first is null || London.DateOf(first.Value) > period.LastDay)
        {
            var reason = first is null ? "No therapy referral has been recorded yet." : $"Therapy referrals are recorded from {London.DateOf(first.Value):yyyy-MM-dd}, after this period.";
            return new TableReport(identity, period.Period, disclosure, SmallNumberSuppression.DefaultThreshold, LondonTime.Of(now), new NoData(reason), []);
        }
        var madeInPeriod = db.Referrals.AsNoTracking().Where(r => r.ReferredAt >= period.From && r.ReferredAt < period.To);
        // Counted by the database, grouped, by the rule TherapyReferral.WaitStatus states for one referral: a wait ends at
        // the first appointment, or runs to now while the young person still waits; one ended or closed unseen has none
        // (it is counted in the outcomes report, not as a wait).
        var (target, breach) = (TherapyReferral.WaitTarget, TherapyReferral.WaitBreach);
        var waits = await madeInPeriod
            .Where(r => r.FirstAppointmentAt != null
                || (r.Status != TherapyReferralStatus.Declined && r.Status != TherapyReferralStatus.Withdrawn && r.EpisodeClosedAt == null))
            .Select(r => new { r.OfferId, r.OfferType, Seen = r.FirstAppointmentAt != null, Waited = (r.FirstAppointmentAt ?? now) - r.ReferredAt })
            .GroupBy(r => new { r.OfferId, r.OfferType, r.Seen, Band = r.Waited >= breach ? 2 : r.Waited > target ? 1 : 0 })
            .Select(g => new { g.Key.OfferId, g.Key.OfferType, g.Key.Seen, g.Key.Band, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var types = Enum.GetValues<OfferType>();
        var cells = new int[types.Length, Columns.Count];
        foreach (var w in waits)
        {
            // Columns: seen within 4 weeks, 4 to 18, after 18; then still waiting in the same three bands.
            cells[Array.IndexOf(types, w.OfferType), (w.Seen ? 0 : 3) + w.Band] += w.Count;
        }

        // THR-02's waiting list per provider: the same young people still waiting, by the provider they wait for. Every
        // commissioned provider is a row, so a provider with nobody waiting shows 0, not an absence.
        var providerOfOffer = await db.Offers.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ProviderId, cancellationToken);
        var providers = await db.Providers.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        var providerRow = providers.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var waiting = new int[providers.Count, WaitingColumns.Count];
        foreach (var w in waits.Where(w => !w.Seen))
        {
            waiting[providerRow[providerOfOffer[w.OfferId]], w.Band] += w.Count;
        }
        return new TableReport(identity, period.Period, disclosure, SmallNumberSuppression.DefaultThreshold, LondonTime.Of(now), null,
        [
            PublishedTable.Of("byOfferTypeAndWait", CountingUnits.Referrals, "offerType", "wait", [.. types.Select(t => t.ToString())], Columns, cells, disclosure),
            PublishedTable.Of("waitingByProvider", CountingUnits.Referrals, "provider", "wait", [.. providers.Select(p => p.Name)], WaitingColumns, waiting,
                disclosure),
        ], Restatement: await LateEntries.RestatementAsync(madeInPeriod.Select(r => r.RecordedAt), period, London.DateOf(now), "referrals", disclosure,
            cancellationToken));
    }
}
