using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Reporting;
using Support.ServiceDefaults.Time;
using Support.Therapy.Data;
using Support.Therapy.Features.Providers;

namespace Support.Therapy.Features.Reports;

/// <summary>
/// COM-06, THR-09: capacity against demand for each commissioned offer. Capacity and funding are facts about the
/// commission and shown as they are; capacity used and demand count young people and are suppressed as tables.
/// </summary>
public static class CapacityReport
{
    public sealed record OfferCommission(string Offer, string Provider, string Type, int CommissionedCapacity, decimal FundingInPeriod, int? DaysToFundingEnd);

    public sealed record Response(TableReport Counts, IReadOnlyList<OfferCommission> Offers);

    /// <summary>The commission's facts in the CSV (table <c>offers</c>): numbers about the contract, never about a child.</summary>
    public const string CommissionUnit = "Commission";

    public static async Task<IResult> HandleAsync(string? year, string? format, ClaimsPrincipal user, TherapyDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var today = London.Today(clock);
        var errors = new ValidationErrors();
        if (FinancialYear.Parse(errors, "year", year, today) is not { } period)
        {
            return errors.ToBadRequest();
        }
        var disclosure = user.Disclosure();
        var offers = await db.Offers.AsNoTracking().OrderBy(o => o.Name).ToListAsync(cancellationToken);
        var providers = await db.Providers.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var used = await ListOffers.CapacityUsedAsync(db, cancellationToken);
        var demand = await db.Referrals.AsNoTracking().Where(r => r.ReferredAt >= period.From && r.ReferredAt < period.To)
            .GroupBy(r => r.OfferId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        var labels = offers.Select(o => $"{providers[o.ProviderId]}: {o.Name}").ToList();
        var usedCells = new int[offers.Count, 1];
        var demandCells = new int[offers.Count, 1];
        for (var i = 0; i < offers.Count; i++)
        {
            usedCells[i, 0] = used.GetValueOrDefault(offers[i].Id);
            demandCells[i, 0] = demand.GetValueOrDefault(offers[i].Id);
        }
        NoData? noData = offers.Count == 0 ? new NoData("No commissioned offer is recorded.") : null;
        var counts = new TableReport(ReportIdentity.Of(ReportDefinitions.Capacity), period.Period, disclosure, SmallNumberSuppression.DefaultThreshold,
            LondonTime.Of(clock.GetUtcNow()), noData, noData is not null ? [] :
            [
                PublishedTable.Of("capacityUsed", CountingUnits.DistinctYoungPeople, "offer", "now", labels, ["Accepted"], usedCells, disclosure),
                PublishedTable.Of("demand", CountingUnits.Referrals, "offer", "period", labels, ["Referrals"], demandCells, disclosure),
            ]);
        var commissions = offers.Select(o => new OfferCommission(o.Name, providers[o.ProviderId], o.Type.ToString(), o.CommissionedCapacity,
            o.Funding.Where(f => f.From <= period.LastDay && f.To >= period.FirstDay).Sum(f => f.Amount),
            o.FundingOn(today) is { } current ? current.To.DayNumber - today.DayNumber : null)).ToList();
        var response = new Response(counts, commissions);
        return ReportCsv.Wanted(format) ? ReportCsv.File(CsvLines(response), counts.Report.Name, period.Label) : TypedResults.Ok(response);
    }

    /// <summary>COM-04's CSV: the suppressed tables as every report gives them, then each offer's commission as it stands.</summary>
    public static IEnumerable<ReportCsv.Line> CsvLines(Response response)
    {
        var r = response.Counts;
        ReportCsv.Line Of(string row, string column, string value) =>
            new(r.Report.Name, r.Report.Version, r.Period.Label, r.Disclosure.ToString(), "offers", CommissionUnit, row, column, value);
        foreach (var line in ReportCsv.Lines(r))
        {
            yield return line;
        }
        foreach (var o in response.Offers)
        {
            var row = $"{o.Provider}: {o.Offer}";
            yield return Of(row, "type", o.Type);
            yield return Of(row, "commissionedCapacity", o.CommissionedCapacity.ToString(CultureInfo.InvariantCulture));
            yield return Of(row, "fundingInPeriod", o.FundingInPeriod.ToString(CultureInfo.InvariantCulture));
            yield return Of(row, "daysToFundingEnd", o.DaysToFundingEnd?.ToString(CultureInfo.InvariantCulture) ?? "");
        }
    }
}
