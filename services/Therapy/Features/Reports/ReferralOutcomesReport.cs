using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Therapy;
using Support.ServiceDefaults.Reporting;
using Support.ServiceDefaults.Time;
using Support.Therapy.Data;
using Support.Therapy.Domain;

namespace Support.Therapy.Features.Reports;

/// <summary>
/// THR-01, COM-03: what became of the therapy and CAMHS referrals made in a financial year (mental-health referrals and
/// declines are CSE triggers commissioners must see). Referrals and distinct young people are separate units (COM-01).
/// </summary>
public static class ReferralOutcomesReport
{
    public static Task<IResult> HandleAsync(string? year, string? format, ClaimsPrincipal user, TherapyDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        YearReport.AnswerAsync(year, format, user, clock, (period, disclosure) => BuildAsync(db, period, disclosure, clock, cancellationToken));

    public static async Task<TableReport> BuildAsync(TherapyDbContext db, FinancialYear period, Disclosure disclosure, TimeProvider clock, CancellationToken cancellationToken)
    {
        var identity = ReportIdentity.Of(ReportDefinitions.ReferralOutcomes);
        var generatedAt = LondonTime.Of(clock.GetUtcNow());
        var first = await db.Referrals.MinAsync(r => (DateTimeOffset?)r.ReferredAt, cancellationToken);
        if (first is null || London.DateOf(first.Value) > period.LastDay)
        {
            var reason = first is null ? "No therapy referral has been recorded yet." : $"Therapy referrals are recorded from {London.DateOf(first.Value):yyyy-MM-dd}, after this period.";
            return new TableReport(identity, period.Period, disclosure, SmallNumberSuppression.DefaultThreshold, generatedAt, new NoData(reason), []);
        }
        var madeInPeriod = db.Referrals.AsNoTracking().Where(r => r.ReferredAt >= period.From && r.ReferredAt < period.To);
        // Counted by the database, grouped: no referral is read one by one.
        var byOutcome = await madeInPeriod.GroupBy(r => new { r.OfferType, r.Status, r.DeclineReason })
            .Select(g => new { g.Key.OfferType, g.Key.Status, g.Key.DeclineReason, Count = g.Count() }).ToListAsync(cancellationToken);

        var types = Enum.GetValues<OfferType>();
        var statuses = Enum.GetValues<TherapyReferralStatus>();
        var reasons = Enum.GetValues<TherapyDeclineReason>();
        var outcomes = new int[types.Length, statuses.Length];
        var declines = new int[types.Length, reasons.Length];
        foreach (var r in byOutcome)
        {
            outcomes[Array.IndexOf(types, r.OfferType), Array.IndexOf(statuses, r.Status)] += r.Count;
            if (r.DeclineReason is { } reason)
            {
                declines[Array.IndexOf(types, r.OfferType), Array.IndexOf(reasons, reason)] += r.Count;
            }
        }
        var people = new int[1, 1];
        people[0, 0] = await madeInPeriod.Select(r => r.YoungPersonId).Distinct().CountAsync(cancellationToken);
        var typeLabels = types.Select(t => t.ToString()).ToList();
        return new TableReport(identity, period.Period, disclosure, SmallNumberSuppression.DefaultThreshold, generatedAt, null,
        [
            PublishedTable.Of("byOfferTypeAndOutcome", CountingUnits.Referrals, "offerType", "outcome", typeLabels,
                [.. statuses.Select(s => s.ToString())], outcomes, disclosure),
            PublishedTable.Of("declinesByOfferTypeAndReason", CountingUnits.Referrals, "offerType", "declineReason", typeLabels,
                [.. reasons.Select(s => s.ToString())], declines, disclosure),
            PublishedTable.Of("distinctYoungPeople", CountingUnits.DistinctYoungPeople, "all", "all", ["Referred"], ["YoungPeople"], people, disclosure),
        ], Restatement: await LateEntries.RestatementAsync(madeInPeriod.Select(r => r.RecordedAt), period, London.Today(clock), "referrals",
            disclosure, cancellationToken));
    }
}
