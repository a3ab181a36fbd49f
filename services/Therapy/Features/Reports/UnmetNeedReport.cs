using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Registry;
using Support.Contracts.UnmetNeeds;
using Support.ServiceDefaults.Reporting;
using Support.ServiceDefaults.Time;
using Support.Therapy.Data;

namespace Support.Therapy.Features.Reports;

/// <summary>
/// COM-05: the platform's unmet need, from the ledger every service feeds: by need category and reason code, and by the
/// service that raised it and how long it has gone unmet; by the young person's gender and ethnicity as recorded in the
/// registry, "Not recorded" included (OUT-10): who the services fail is what under-reporting hides. From version 3 a
/// need is counted in the year it went unmet (its 'since', given by the service that raised it), not the year it was
/// recorded, and a closed year says how many were recorded after it ended (COM-09). Every count is made by the
/// database, grouped; no need is read one by one, so the answer's cost does not grow with the ledger.
/// </summary>
public static class UnmetNeedReport
{
    /// <summary>The columns of the gender and ethnicity tables: whether each need is still unmet.</summary>
    public static readonly IReadOnlyList<string> MetColumns = ["StillUnmet", "MetSince"];

    /// <summary>Duration bands: the therapy wait standard's 4 weeks and 18-week breach line (Part I), then a year.</summary>
    public static readonly IReadOnlyList<(string Label, int FromDays, int ToDays)> DurationBands =
    [
        ("Under4Weeks", 0, 27), ("4To18Weeks", 28, 125), ("18To52Weeks", 126, 363), ("52WeeksOrMore", 364, int.MaxValue),
    ];

    // Where each band after the first starts, for the database to band by (the bands above are the one definition).
    private static readonly int SecondBandFrom = DurationBands[1].FromDays, ThirdBandFrom = DurationBands[2].FromDays, FourthBandFrom = DurationBands[3].FromDays;

    public static Task<IResult> HandleAsync(string? year, string? format, ClaimsPrincipal user, TherapyDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        YearReport.AnswerAsync(year, format, user, clock, (period, disclosure) => BuildAsync(db, period, disclosure, clock, cancellationToken));

    public static async Task<TableReport> BuildAsync(TherapyDbContext db, FinancialYear period, Disclosure disclosure, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = London.Today(clock);
        var identity = ReportIdentity.Of(ReportDefinitions.UnmetNeed);
        var first = await db.UnmetNeeds.MinAsync(u => (DateOnly?)u.Since, cancellationToken);
        var generatedAt = LondonTime.Of(clock.GetUtcNow());
        if (first is null || first.Value > period.LastDay)
        {
            var reason = first is null
                ? "The unmet-need ledger holds no records yet."
                : $"The unmet-need ledger's records start on {first.Value:yyyy-MM-dd}, after this period.";
            return new TableReport(identity, period.Period, disclosure, SmallNumberSuppression.DefaultThreshold, generatedAt, new NoData(reason), []);
        }

        var inPeriod = db.UnmetNeeds.AsNoTracking().Where(u => u.Since >= period.FirstDay && u.Since <= period.LastDay);
        var byReason = await inPeriod.GroupBy(u => new { u.NeedCategory, u.Reason })
            .Select(g => new { g.Key.NeedCategory, g.Key.Reason, Count = g.Count() }).ToListAsync(cancellationToken);
        var byBand = await inPeriod
            .Select(u => new { u.RaisedBy, u.Since, Until = u.ResolvedOn ?? today })
            .GroupBy(u => new
            {
                u.RaisedBy,
                Band = u.Until < u.Since.AddDays(SecondBandFrom) ? 0 : u.Until < u.Since.AddDays(ThirdBandFrom) ? 1 : u.Until < u.Since.AddDays(FourthBandFrom) ? 2 : 3,
            })
            .Select(g => new { g.Key.RaisedBy, g.Key.Band, Count = g.Count() }).ToListAsync(cancellationToken);
        var byPerson = await (
                from u in inPeriod
                join p in db.KnownYoungPeople.AsNoTracking() on u.YoungPersonId equals p.Id into people
                from p in people.DefaultIfEmpty()
                group u by new { Gender = p == null ? null : p.Gender, Ethnicity = p == null ? null : p.Ethnicity, Met = u.ResolvedOn != null } into g
                select new Described(g.Key.Gender, g.Key.Ethnicity, g.Key.Met, g.Count()))
            .ToListAsync(cancellationToken);

        var reasons = Enum.GetValues<UnmetNeedReason>();
        var categories = byReason.Select(e => e.NeedCategory).Distinct().Order(StringComparer.Ordinal).ToList();
        var byCategory = new int[categories.Count, reasons.Length];
        foreach (var e in byReason)
        {
            byCategory[categories.IndexOf(e.NeedCategory), Array.IndexOf(reasons, e.Reason)] += e.Count;
        }
        var services = byBand.Select(e => e.RaisedBy).Distinct().Order(StringComparer.Ordinal).ToList();
        var byDuration = new int[services.Count, DurationBands.Count];
        foreach (var e in byBand)
        {
            byDuration[services.IndexOf(e.RaisedBy), e.Band] += e.Count;
        }
        var unit = CountingUnits.UnmetNeeds;
        return new TableReport(identity, period.Period, disclosure, SmallNumberSuppression.DefaultThreshold, generatedAt, null,
        [
            PublishedTable.Of("byCategoryAndReason", unit, "needCategory", "reason", categories, [.. reasons.Select(r => r.ToString())], byCategory, disclosure),
            PublishedTable.Of("byServiceAndDuration", unit, "raisedBy", "timeUnmet", services, [.. DurationBands.Select(b => b.Label)], byDuration, disclosure),
            DescribedValueTable.Of("byGender", unit, "gender", byPerson, e => e.Gender, "met", Met, MetColumns, Enum.GetNames<GenderCategory>(), disclosure, e => e.Count),
            DescribedValueTable.Of("byEthnicity", unit, "ethnicity", byPerson, e => e.Ethnicity, "met", Met, MetColumns, [], disclosure, e => e.Count),
        ], Restatement: await LateEntries.RestatementAsync(inPeriod.Select(u => u.OccurredAt), period, today, "unmet needs", disclosure, cancellationToken));
    }

    private static int Met(Described needs) => needs.Met ? 1 : 0;

    /// <summary>
    /// The unmet needs in the period of young people with one gender and ethnicity as the registry holds them (null: not
    /// recorded), met or still unmet, counted by the database.
    /// </summary>
    private sealed record Described(string? Gender, string? Ethnicity, bool Met, int Count);
}
