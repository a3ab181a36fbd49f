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
/// service that raised it and how long it has gone unmet. Counted by when it was recorded (COM-09). From version 2, also
/// by the young person's gender and ethnicity as recorded in the registry, "Not recorded" included (OUT-10): who the
/// services fail is what under-reporting hides.
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

    public static Task<IResult> HandleAsync(string? year, string? format, ClaimsPrincipal user, TherapyDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        YearReport.AnswerAsync(year, format, user, clock, (period, disclosure) => BuildAsync(db, period, disclosure, clock, cancellationToken));

    public static async Task<TableReport> BuildAsync(TherapyDbContext db, FinancialYear period, Disclosure disclosure, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = London.Today(clock);
        var identity = ReportIdentity.Of(ReportDefinitions.UnmetNeed);
        var first = await db.UnmetNeeds.MinAsync(u => (DateTimeOffset?)u.OccurredAt, cancellationToken);
        var generatedAt = LondonTime.Of(clock.GetUtcNow());
        if (first is null || London.DateOf(first.Value) > period.LastDay)
        {
            var reason = first is null
                ? "The unmet-need ledger holds no records yet."
                : $"The unmet-need ledger's records start on {London.DateOf(first.Value):yyyy-MM-dd}, after this period.";
            return new TableReport(identity, period.Period, disclosure, SmallNumberSuppression.DefaultThreshold, generatedAt, new NoData(reason), []);
        }

        var entries = await (
                from u in db.UnmetNeeds.AsNoTracking()
                where u.OccurredAt >= period.From && u.OccurredAt < period.To
                join p in db.KnownYoungPeople.AsNoTracking() on u.YoungPersonId equals p.Id into people
                from p in people.DefaultIfEmpty()
                select new Need(u.NeedCategory, u.Reason, u.RaisedBy, u.Since, u.ResolvedOn, p == null ? null : p.Gender, p == null ? null : p.Ethnicity))
            .ToListAsync(cancellationToken);

        var reasons = Enum.GetValues<UnmetNeedReason>();
        var categories = entries.Select(e => e.NeedCategory).Distinct().Order(StringComparer.Ordinal).ToList();
        var byCategory = new int[categories.Count, reasons.Length];
        var services = entries.Select(e => e.RaisedBy).Distinct().Order(StringComparer.Ordinal).ToList();
        var byDuration = new int[services.Count, DurationBands.Count];
        foreach (var e in entries)
        {
            byCategory[categories.IndexOf(e.NeedCategory), Array.IndexOf(reasons, e.Reason)]++;
            var days = Math.Max(0, (e.ResolvedOn ?? today).DayNumber - e.Since.DayNumber);
            var band = DurationBands.Select((b, i) => (b, i)).First(x => days >= x.b.FromDays && days <= x.b.ToDays).i;
            byDuration[services.IndexOf(e.RaisedBy), band]++;
        }
        var unit = CountingUnits.UnmetNeeds;
        return new TableReport(identity, period.Period, disclosure, SmallNumberSuppression.DefaultThreshold, generatedAt, null,
        [
            PublishedTable.Of("byCategoryAndReason", unit, "needCategory", "reason", categories, [.. reasons.Select(r => r.ToString())], byCategory, disclosure),
            PublishedTable.Of("byServiceAndDuration", unit, "raisedBy", "timeUnmet", services, [.. DurationBands.Select(b => b.Label)], byDuration, disclosure),
            DescribedValueTable.Of("byGender", unit, "gender", entries, e => e.Gender, "met", Met, MetColumns, Enum.GetNames<GenderCategory>(), disclosure),
            DescribedValueTable.Of("byEthnicity", unit, "ethnicity", entries, e => e.Ethnicity, "met", Met, MetColumns, [], disclosure),
        ]);
    }

    private static int Met(Need need) => need.ResolvedOn is null ? 0 : 1;

    /// <summary>One unmet need in the period, with the young person's gender and ethnicity as the registry holds them (null: not recorded).</summary>
    private sealed record Need(string NeedCategory, UnmetNeedReason Reason, string RaisedBy, DateOnly Since, DateOnly? ResolvedOn, string? Gender, string? Ethnicity);
}
