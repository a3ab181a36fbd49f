using System.Globalization;
using System.Text.RegularExpressions;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Reporting;
using Support.ServiceDefaults.Time;

namespace Support.Therapy.Features.Reports;

/// <summary>
/// COM-01: the reporting period is the financial year, 1 April to 31 March, named "2026-27". Years never overlap and
/// leave no gaps: a date belongs to exactly one. Bounds are London midnights, so a referral at 00:30 BST on 1 April
/// is in the new year.
/// </summary>
public readonly partial record struct FinancialYear(int StartYear)
{
    public const int Earliest = 1990;

    public DateOnly FirstDay => new(StartYear, 4, 1);
    public DateOnly LastDay => new(StartYear + 1, 3, 31);
    public DateTimeOffset From => London.StartOf(FirstDay);
    public DateTimeOffset To => London.StartOf(LastDay.AddDays(1));
    public string Label => $"{StartYear}-{(StartYear + 1) % 100:00}";
    public ReportPeriod Period => new(Label, FirstDay, LastDay);

    public FinancialYear Previous => new(StartYear - 1);

    public bool Contains(DateOnly date) => FirstDay <= date && date <= LastDay;

    /// <summary>The year's quarters, as columns of a report: April-June first.</summary>
    public static readonly IReadOnlyList<string> QuarterLabels = ["Q1AprJun", "Q2JulSep", "Q3OctDec", "Q4JanMar"];

    /// <summary>Which quarter (0 to 3) a date of this year falls in.</summary>
    public int QuarterOf(DateOnly date) => ((date.Year - StartYear) * 12 + date.Month - 4) / 3;

    /// <summary>The London midnight a quarter (0 to 4; 4 is the next year's start) begins.</summary>
    public DateTimeOffset QuarterStart(int quarter) => London.StartOf(FirstDay.AddMonths(3 * quarter));

    public static FinancialYear Of(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>Reads <c>year</c> ("2026-27"); absent means the current year. A year not yet started is refused.</summary>
    public static FinancialYear? Parse(ValidationErrors errors, string field, string? value, DateOnly today)
    {
        var current = Of(today);
        if (string.IsNullOrWhiteSpace(value))
        {
            return current;
        }
        var match = Pattern().Match(value.Trim());
        if (!match.Success)
        {
            errors.Add(field, $"'{field}' must be a financial year such as {current.Label} (April to March).");
            return null;
        }
        var start = int.Parse(match.Groups["start"].Value, CultureInfo.InvariantCulture);
        var end = int.Parse(match.Groups["end"].Value, CultureInfo.InvariantCulture);
        if ((start + 1) % 100 != end)
        {
            errors.Add(field, $"'{field}' must name one financial year: {start}-{(start + 1) % 100:00}, not {value.Trim()}.");
            return null;
        }
        if (start < Earliest || start > current.StartYear)
        {
            errors.Add(field, $"'{field}' must be between {new FinancialYear(Earliest).Label} and {current.Label}.");
            return null;
        }
        return new FinancialYear(start);
    }

    [GeneratedRegex(@"^(?<start>\d{4})-(?<end>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
