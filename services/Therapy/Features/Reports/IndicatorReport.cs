using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
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

    public sealed record Value(string Period, ReportCount Numerator, ReportCount Denominator, decimal? Rate, Rag? Rag, string? Withheld);

    public sealed record Indicator(
        string Code, string Name, string Definition, string Numerator, string Denominator, string SourceService, string Thresholds,
        Value Current, IReadOnlyList<Value> Earlier, Trend Trend);

    public sealed record Response(ReportIdentity Report, ReportPeriod Period, Disclosure Disclosure, LondonTime GeneratedAt, IReadOnlyList<Indicator> Indicators);

    public static async Task<Results<Ok<Response>, ValidationProblem>> HandleAsync(string? year, ClaimsPrincipal user, TherapyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (FinancialYear.Parse(errors, "year", year, London.Today(clock)) is not { } period)
        {
            return errors.ToBadRequest();
        }
        var disclosure = user.Disclosure();
        var first = await db.Referrals.MinAsync(r => r.OutcomeAt, cancellationToken);
        var current = await ValueAsync(db, period, first, disclosure, cancellationToken);
        var earlier = new List<Value>();
        for (var y = period.Previous; earlier.Count < EarlierYears; y = y.Previous)
        {
            earlier.Add(await ValueAsync(db, y, first, disclosure, cancellationToken));
        }
        var trend = current.Rate is { } now && earlier[0].Rate is { } before
            ? now == before ? Trend.Same : (now < before) == DeclineRate.LowerIsBetter ? Trend.Better : Trend.Worse
            : Trend.NotComparable;
        var d = DeclineRate;
        var indicator = new Indicator(d.Code, d.Name, d.Definition, d.Numerator, d.Denominator, d.SourceService,
            $"Green at or below {d.GreenLimit:P0}, amber at or below {d.AmberLimit:P0}, red above.", current, earlier, trend);
        return TypedResults.Ok(new Response(ReportIdentity.Of(ReportDefinitions.Indicators), period.Period, disclosure, LondonTime.Of(clock.GetUtcNow()), [indicator]));
    }

    private static async Task<Value> ValueAsync(TherapyDbContext db, FinancialYear year, DateTimeOffset? first, Disclosure disclosure, CancellationToken cancellationToken)
    {
        if (first is null || London.DateOf(first.Value) > year.LastDay)
        {
            return new Value(year.Label, ReportCount.Suppressed, ReportCount.Suppressed, null, null, "no data: no referral was decided in or before this period");
        }
        var decided = await db.Referrals.AsNoTracking()
            .Where(r => r.OutcomeAt >= year.From && r.OutcomeAt < year.To && (r.Status == TherapyReferralStatus.Accepted || r.Status == TherapyReferralStatus.Declined))
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var declined = decided.Where(g => g.Key == TherapyReferralStatus.Declined).Sum(g => g.Count);
        var denominator = decided.Sum(g => g.Count);
        // Numerator and denominator as a 1x2 table (declined, accepted) with its total, so neither small count can be worked back.
        var cells = new int[1, 2] { { declined, denominator - declined } };
        var table = SmallNumberSuppression.Apply(cells, disclosure);
        var numeratorShown = table.Cells[0][0];
        var denominatorShown = table.RowTotals[0];
        if (denominator == 0)
        {
            return new Value(year.Label, numeratorShown, denominatorShown, null, null, "no referral was decided in this period");
        }
        if (numeratorShown.IsSuppressed || denominatorShown.IsSuppressed)
        {
            return new Value(year.Label, numeratorShown, denominatorShown, null, null, "suppressed: small numbers");
        }
        var rate = Math.Round((decimal)declined / denominator, 4);
        return new Value(year.Label, numeratorShown, denominatorShown, rate, DeclineRate.RagOf(rate), null);
    }
}
