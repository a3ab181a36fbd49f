using System.Globalization;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Reporting;
using Support.ServiceDefaults.Time;

namespace Support.Outreach.Features.Reports;

/// <summary>
/// The period of an outreach report: whole London calendar months (<c>from</c> and <c>to</c> written yyyy-MM), the last
/// twelve by default, at most <see cref="MaxMonths"/>, not before 2000 and not in the future. One definition for the
/// hotspot, prevention and reach reports, so their periods can be compared (COM-01).
/// </summary>
public sealed record ReportMonths(DateOnly First, DateOnly Last)
{
    /// <summary>Three years of months is the widest report: wider tables are for the data warehouse, not a request.</summary>
    public const int MaxMonths = 36;

    public IReadOnlyList<DateOnly> Months => [.. Enumerable.Range(0, Count(First, Last)).Select(First.AddMonths)];

    /// <summary>The first instant of the period (midnight in London on the first day).</summary>
    public DateTimeOffset Start => London.StartOf(First);

    /// <summary>The instant the period ends (exclusive): midnight in London on the first day of the month after it.</summary>
    public DateTimeOffset End => London.StartOf(Last.AddMonths(1));

    public string FromLabel => Label(First);

    public string ToLabel => Label(Last);

    /// <summary>The period as table reports name it: its label, and its first and last day.</summary>
    public ReportPeriod Period => new(First == Last ? FromLabel : $"{FromLabel} to {ToLabel}", First, Last.AddMonths(1).AddDays(-1));

    /// <summary>The period asked for, or null with the reasons added to <paramref name="errors"/> under the field they concern.</summary>
    public static ReportMonths? Parse(string? from, string? to, TimeProvider clock, ValidationErrors errors)
    {
        var thisMonth = MonthOf(London.Today(clock));
        var last = Month(errors, "to", to) ?? thisMonth;
        var first = Month(errors, "from", from) ?? last.AddMonths(-11);
        if (errors.Any)
        {
            return null;
        }
        errors.When(first > last, "from", "'from' is after 'to'.")
            .When(Count(first, last) > MaxMonths, "from", $"A report covers at most {MaxMonths} months.")
            .When(first.Year < 2000, "from", "'from' is before 2000.")
            .When(last > thisMonth, "to", "'to' is in the future.");
        return errors.Any ? null : new ReportMonths(first, last);
    }

    public static DateOnly MonthOf(DateOnly date) => new(date.Year, date.Month, 1);

    public static string Label(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static int Count(DateOnly first, DateOnly last) => (last.Year - first.Year) * 12 + last.Month - first.Month + 1;

    private static DateOnly? Month(ValidationErrors errors, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return month;
        }
        errors.Add(field, $"'{field}' is a month written yyyy-MM.");
        return null;
    }
}
