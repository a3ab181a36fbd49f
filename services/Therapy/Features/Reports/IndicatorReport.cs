using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Reporting;
using Support.ServiceDefaults.Time;
using Support.Therapy.Data;
using Support.Therapy.Domain;

namespace Support.Therapy.Features.Reports;

public enum Rag
{
    Green,
    Amber,
    Red,
}

public enum Trend
{
    Better,
    Same,
    Worse,
    NotComparable,
}

/// <summary>
/// COM-02: an indicator with its definition, numerator, denominator and source, and the thresholds its RAG status is
/// computed from. Stored with the indicator (here, in code under version control, COM-11), never set by hand.
/// </summary>
public sealed record IndicatorDefinition(
    string Code, string Name, string Definition, string Numerator, string Denominator, string SourceService, bool LowerIsBetter,
    decimal GreenLimit, decimal AmberLimit)
{
    /// <summary>
    /// COM-01, COM-02: the codes under which a council imports this indicator's numerator and denominator for the years
    /// before the platform (never the rate itself: the rate and its RAG are computed here, as for the platform's own).
    /// </summary>
    public string NumeratorCode => Code + "-numerator";

    public string DenominatorCode => Code + "-denominator";

    /// <summary>Green up to <see cref="GreenLimit"/>, amber up to <see cref="AmberLimit"/>, red beyond (for lower-is-better).</summary>
    public Rag RagOf(decimal value) => LowerIsBetter
        ? value <= GreenLimit ? Rag.Green : value <= AmberLimit ? Rag.Amber : Rag.Red
        : value >= GreenLimit ? Rag.Green : value >= AmberLimit ? Rag.Amber : Rag.Red;
}

public static class IndicatorReport
{
    public const int EarlierYears = 3;

    public static readonly IndicatorDefinition DeclineRate = new("therapy-decline-rate", "Therapy referrals declined",
        "The share of therapy and CAMHS referrals decided in the financial year (by the date of the decision) that were declined (THR-01).",
        "Referrals declined in the period", "Referrals accepted or declined in the period", "therapy", LowerIsBetter: true, GreenLimit: 0.10m, AmberLimit: 0.25m);

    /// <summary>
    /// One period's value. From version 3, <c>Basis</c> says where the counts came from: <c>platform</c> (this service's
    /// own records) or <c>imported</c> (a council's figures for a year before the platform decided any referral, with
    /// their <c>Source</c> and <c>ImportedDefinition</c>).
    /// </summary>
    public sealed record Value(string Period, ReportCount Numerator, ReportCount Denominator, decimal? Rate, Rag? Rag, string? Withheld, string Basis = Platform,
        string? Source = null, string? ImportedDefinition = null);

    public sealed record Indicator(
        string Code, string Name, string Definition, string Numerator, string Denominator, string SourceService, string Thresholds,
        Value Current, IReadOnlyList<Value> Earlier, Trend Trend);

    /// <summary>
    /// COM-01: a figure a council published before the platform, as imported: the value (counts 1-5 shown as "c" to all but
    /// auditors) or no data, with the source and definition given with it; <c>Basis</c> is always "imported".
    /// </summary>
    public sealed record HistoricValue(
        string Period, ReportCount? Value, string? NoData, string Source, string Definition, bool DefinitionChanged, string Basis, LondonTime ImportedAt,
        string ImportedBy, string? Restated);

    /// <summary>An indicator known only from imported figures: its counting unit and its values, latest period first.</summary>
    public sealed record HistoricIndicator(string Indicator, string Unit, IReadOnlyList<HistoricValue> Values);

    public sealed record Response(
        ReportIdentity Report, ReportPeriod Period, Disclosure Disclosure, LondonTime GeneratedAt, IReadOnlyList<Indicator> Indicators,
        IReadOnlyList<HistoricIndicator> Historic);

    public const string Imported = "imported";
    public const string Platform = "platform";

    public static async Task<IResult> HandleAsync(string? year, string? format, ClaimsPrincipal user, TherapyDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (FinancialYear.Parse(errors, "year", year, London.Today(clock)) is not { } period)
        {
            return errors.ToBadRequest();
        }
        var disclosure = user.Disclosure();
        var first = await db.Referrals.MinAsync(r => r.OutcomeAt, cancellationToken);
        var imported = await ImportedCountsAsync(db, DeclineRate, period, cancellationToken);
        var current = await ValueAsync(db, period, first, imported, disclosure, cancellationToken);
        var earlier = new List<Value>();
        for (var y = period.Previous; earlier.Count < EarlierYears; y = y.Previous)
        {
            earlier.Add(await ValueAsync(db, y, first, imported, disclosure, cancellationToken));
        }
        // COM-02: a trend only between values counted the same way; a council's own figures against the platform's, or
        // under another definition, are a change of basis, not better or worse.
        var trend = current.Rate is { } now && earlier[0].Rate is { } before && current.Basis == earlier[0].Basis && current.ImportedDefinition == earlier[0].ImportedDefinition
            ? now == before ? Trend.Same : (now < before) == DeclineRate.LowerIsBetter ? Trend.Better : Trend.Worse
            : Trend.NotComparable;
        var d = DeclineRate;
        var indicator = new Indicator(d.Code, d.Name, d.Definition, d.Numerator, d.Denominator, d.SourceService,
            $"Green at or below {d.GreenLimit:P0}, amber at or below {d.AmberLimit:P0}, red above.", current, earlier, trend);
        var historic = await HistoricAsync(db, period, disclosure, cancellationToken);
        var response = new Response(ReportIdentity.Of(ReportDefinitions.Indicators), period.Period, disclosure, LondonTime.Of(clock.GetUtcNow()),
            [indicator], historic);
        return ReportCsv.Wanted(format) ? ReportCsv.File(CsvLines(response), response.Report.Name, period.Label) : TypedResults.Ok(response);
    }

    /// <summary>
    /// COM-02's CSV: each indicator's numerator, denominator, rate (a fraction), RAG and withheld reason for the period and
    /// each earlier one, its trend; then each imported figure with its value (or no data), source and basis. Counts as
    /// published ("c" where suppressed).
    /// </summary>
    public static IEnumerable<ReportCsv.Line> CsvLines(Response response)
    {
        ReportCsv.Line Of(string table, string row, string column, string value) => new(response.Report.Name, response.Report.Version,
            response.Period.Label, response.Disclosure.ToString(), table, response.Report.CountingUnit, row, column, value);
        foreach (var indicator in response.Indicators)
        {
            foreach (var value in new[] { indicator.Current }.Concat(indicator.Earlier))
            {
                var row = $"{indicator.Code} {value.Period}";
                yield return Of("indicators", row, "numerator", value.Numerator.ToString());
                yield return Of("indicators", row, "denominator", value.Denominator.ToString());
                yield return Of("indicators", row, "rate", value.Rate?.ToString(CultureInfo.InvariantCulture) ?? "");
                yield return Of("indicators", row, "rag", value.Rag?.ToString() ?? "");
                yield return Of("indicators", row, "basis", value.Basis);
                if (value.Source is { } source)
                {
                    yield return Of("indicators", row, "source", source);
                }
                if (value.Withheld is { } withheld)
                {
                    yield return Of("indicators", row, "withheld", withheld);
                }
            }
            yield return Of("indicators", indicator.Code, "trend", indicator.Trend.ToString());
        }
        foreach (var historic in response.Historic)
        {
            foreach (var value in historic.Values)
            {
                var row = $"{historic.Indicator} {value.Period}";
                yield return Of("historic", row, "value", value.Value?.ToString() ?? "no data: " + value.NoData);
                yield return Of("historic", row, "source", value.Source);
                yield return Of("historic", row, "basis", value.Basis);
            }
        }
    }

    /// <summary>
    /// The imported figures for the period and every earlier one, per indicator. A restated figure shows its latest value
    /// with a note of what it replaced and why (COM-09); a definition that differs from the previous period's is flagged,
    /// so a change of basis (Annex D's "from April 08") is never read as a trend.
    /// </summary>
    private static async Task<List<HistoricIndicator>> HistoricAsync(TherapyDbContext db, FinancialYear period, Disclosure disclosure, CancellationToken cancellationToken)
    {
        var figures = await db.HistoricFigures.AsNoTracking().Where(f => f.PeriodStartYear <= period.StartYear).ToListAsync(cancellationToken);
        if (figures.Count == 0)
        {
            return [];
        }
        var reasons = await db.HistoricImports.AsNoTracking().Where(i => i.Reason != null).ToDictionaryAsync(i => i.Id, i => i.Reason!, cancellationToken);
        var byId = figures.ToDictionary(f => f.Id);
        var superseded = figures.Where(f => f.Supersedes is not null).Select(f => f.Supersedes!.Value).ToHashSet();
        var result = new List<HistoricIndicator>();
        foreach (var series in figures.Where(f => !superseded.Contains(f.Id)).GroupBy(f => f.Indicator).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ordered = series.OrderBy(f => f.PeriodStartYear).ToList();
            var values = new List<HistoricValue>();
            for (var i = 0; i < ordered.Count; i++)
            {
                var f = ordered[i];
                var label = new FinancialYear(f.PeriodStartYear).Label;
                var changed = i > 0 && ordered[i - 1].PeriodStartYear == f.PeriodStartYear - 1 && ordered[i - 1].Definition != f.Definition;
                string? restated = null;
                if (f.Supersedes is { } old && byId.TryGetValue(old, out var replaced))
                {
                    restated = $"Restated on {London.DateOf(f.ImportedAt):yyyy-MM-dd}, replacing the figure imported on {London.DateOf(replaced.ImportedAt):yyyy-MM-dd}"
                        + (reasons.TryGetValue(f.ImportId, out var why) ? $": {why}" : ".");
                }
                values.Add(f.Value is { } count
                    ? new HistoricValue(label, Shown(count, disclosure), null, f.Source, f.Definition, changed, Imported, LondonTime.Of(f.ImportedAt), f.ImportedBy, restated)
                    : new HistoricValue(label, null, $"no data: the source ({f.Source}) has no figure for {label}", f.Source, f.Definition, changed, Imported,
                        LondonTime.Of(f.ImportedAt), f.ImportedBy, restated));
            }
            values.Reverse();
            result.Add(new HistoricIndicator(series.Key, ordered[^1].Unit, values));
        }
        return result;
    }

    /// <summary>One published count on its own: 1-5 shown as "c" to all but auditors (Part I <c>SuppressionThreshold</c>).</summary>
    internal static ReportCount Shown(int count, Disclosure disclosure) => SmallNumberSuppression.Apply(new int[1, 1] { { count } }, disclosure).Cells[0][0];

    /// <summary>A year's imported numerator and denominator, the latest of each (a restatement replaces the figure it supersedes).</summary>
    private sealed record ImportedCounts(HistoricFigure? Numerator, HistoricFigure? Denominator);

    private static async Task<Dictionary<int, ImportedCounts>> ImportedCountsAsync(TherapyDbContext db, IndicatorDefinition indicator, FinancialYear period,
        CancellationToken cancellationToken)
    {
        var figures = await db.HistoricFigures.AsNoTracking()
            .Where(f => (f.Indicator == indicator.NumeratorCode || f.Indicator == indicator.DenominatorCode) && f.PeriodStartYear <= period.StartYear)
            .ToListAsync(cancellationToken);
        var superseded = figures.Where(f => f.Supersedes is not null).Select(f => f.Supersedes!.Value).ToHashSet();
        return figures.Where(f => !superseded.Contains(f.Id)).GroupBy(f => f.PeriodStartYear).ToDictionary(g => g.Key, g => new ImportedCounts(
            g.SingleOrDefault(f => f.Indicator == indicator.NumeratorCode), g.SingleOrDefault(f => f.Indicator == indicator.DenominatorCode)));
    }

    private static async Task<Value> ValueAsync(TherapyDbContext db, FinancialYear year, DateTimeOffset? first, Dictionary<int, ImportedCounts> imported,
        Disclosure disclosure, CancellationToken cancellationToken)
    {
        if (first is null || London.DateOf(first.Value) > year.LastDay)
        {
            // COM-01: before the platform decided any referral, the council's own figures for the year, when it imported both.
            return imported.GetValueOrDefault(year.StartYear) is { Numerator: { } numerator, Denominator: { } denominator }
                ? ImportedValue(year, numerator, denominator, disclosure)
                : new Value(year.Label, ReportCount.Suppressed, ReportCount.Suppressed, null, null,
                    "no data: no referral was decided in or before this period, and no numerator and denominator were imported for it");
        }
        var decided = await db.Referrals.AsNoTracking()
            .Where(r => r.OutcomeAt >= year.From && r.OutcomeAt < year.To && (r.Status == TherapyReferralStatus.Accepted || r.Status == TherapyReferralStatus.Declined))
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var declined = decided.Where(g => g.Key == TherapyReferralStatus.Declined).Sum(g => g.Count);
        return Computed(year, declined, decided.Sum(g => g.Count), disclosure, Platform, source: null, definition: null);
    }

    /// <summary>An imported year: the rate and RAG computed from the imported counts, as for the platform's own; "no data" where the source had none.</summary>
    private static Value ImportedValue(FinancialYear year, HistoricFigure numerator, HistoricFigure denominator, Disclosure disclosure)
    {
        var source = numerator.Source == denominator.Source ? numerator.Source : $"numerator: {numerator.Source}; denominator: {denominator.Source}";
        var definition = $"numerator: {numerator.Definition}; denominator: {denominator.Definition}";
        if (numerator.Value is not { } declined || denominator.Value is not { } decisions)
        {
            return new Value(year.Label, ReportCount.Suppressed, ReportCount.Suppressed, null, null, $"no data: the source ({source}) has no figure for {year.Label}",
                Imported, source, definition);
        }
        if (declined > decisions)
        {
            // The import refuses this (in one file and against what is stored); figures imported under these codes before it checked them may still hold it.
            return new Value(year.Label, ReportCount.Suppressed, ReportCount.Suppressed, null, null, "not shown: the imported numerator exceeds the denominator",
                Imported, source, definition);
        }
        return Computed(year, declined, decisions, disclosure, Imported, source, definition);
    }

    private static Value Computed(FinancialYear year, int declined, int denominator, Disclosure disclosure, string basis, string? source, string? definition)
    {
        // Numerator and denominator as a 1x2 table (declined, accepted) with its total, so neither small count can be worked back.
        var cells = new int[1, 2] { { declined, denominator - declined } };
        var table = SmallNumberSuppression.Apply(cells, disclosure);
        var numeratorShown = table.Cells[0][0];
        var denominatorShown = table.RowTotals[0];
        if (denominator == 0)
        {
            return new Value(year.Label, numeratorShown, denominatorShown, null, null, "no referral was decided in this period", basis, source, definition);
        }
        if (numeratorShown.IsSuppressed || denominatorShown.IsSuppressed)
        {
            return new Value(year.Label, numeratorShown, denominatorShown, null, null, "suppressed: small numbers", basis, source, definition);
        }
        var rate = Math.Round((decimal)declined / denominator, 4);
        return new Value(year.Label, numeratorShown, denominatorShown, rate, DeclineRate.RagOf(rate), null, basis, source, definition);
    }
}
