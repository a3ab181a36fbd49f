using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.UnmetNeeds;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Reporting;
using Support.ServiceDefaults.Time;
using Support.Therapy.Data;

namespace Support.Therapy.Features.Reports;

/// <summary>
/// COM-05: the platform's unmet need, from the ledger every service feeds: by need category and reason code, and by the
/// service that raised it and how long it has gone unmet. Counted by when it was recorded (COM-09).
/// </summary>
public static class UnmetNeedReport
{
    /// <summary>Duration bands: the therapy wait standard's 4 weeks and 18-week breach line (Part I), then a year.</summary>
    public static readonly IReadOnlyList<(string Label, int FromDays, int ToDays)> DurationBands =
    [
        ("Under4Weeks", 0, 27), ("4To18Weeks", 28, 125), ("18To52Weeks", 126, 363), ("52WeeksOrMore", 364, int.MaxValue),
    ];

    public static async Task<IResult> HandleAsync(string? year, string? format, ClaimsPrincipal user, TherapyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = London.Today(clock);
        var errors = new ValidationErrors();
        if (FinancialYear.Parse(errors, "year", year, today) is not { } period)
        {
            return errors.ToBadRequest();
        }
        var report = await BuildAsync(db, period, user.Disclosure(), clock, cancellationToken);
        return ReportCsv.Wanted(format) ? ReportCsv.File(ReportCsv.Lines(report), report.Report.Name, period.Label) : TypedResults.Ok(report);
    }

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

        var entries = await db.UnmetNeeds.AsNoTracking().Where(u => u.OccurredAt >= period.From && u.OccurredAt < period.To)
            .Select(u => new { u.NeedCategory, u.Reason, u.RaisedBy, u.Since, u.ResolvedOn }).ToListAsync(cancellationToken);

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
        ]);
    }
}
