using System.Text.Json.Serialization;
using Support.ServiceDefaults.Time;

namespace Support.ServiceDefaults.Reporting;

public sealed record PublishedRow(string Label, IReadOnlyList<ReportCount> Cells, ReportCount Total);

/// <summary>One table of counts in one counting unit, suppressed as a whole (cells and totals) for everyone but auditors.</summary>
public sealed record PublishedTable(
    string Name, string Unit, string Rows, string Columns, IReadOnlyList<string> ColumnLabels, IReadOnlyList<PublishedRow> Body,
    IReadOnlyList<ReportCount> ColumnTotals, ReportCount GrandTotal)
{
    /// <summary>
    /// Publishes a table through the shared <see cref="SmallNumberSuppression"/> (Part I <c>SuppressionThreshold</c>): 1-5
    /// shown as "c", 0 as 0, and secondary suppression so no hidden count can be worked back from a total.
    /// </summary>
    public static PublishedTable Of(string name, string unit, string rows, string columns, IReadOnlyList<string> rowLabels,
        IReadOnlyList<string> columnLabels, int[,] cells, Disclosure disclosure)
        => From(name, unit, rows, columns, rowLabels, columnLabels, SmallNumberSuppression.Apply(cells, disclosure));

    /// <summary>As above, for a measure whose totals are not the sums of its cells (distinct young people across rows).</summary>
    public static PublishedTable Of(string name, string unit, string rows, string columns, IReadOnlyList<string> rowLabels,
        IReadOnlyList<string> columnLabels, int[,] cells, TableMargins margins, Disclosure disclosure)
        => From(name, unit, rows, columns, rowLabels, columnLabels, SmallNumberSuppression.Apply(cells, margins, disclosure));

    private static PublishedTable From(string name, string unit, string rows, string columns, IReadOnlyList<string> rowLabels,
        IReadOnlyList<string> columnLabels, SuppressedTable table) =>
        new(name, unit, rows, columns, columnLabels,
            [.. rowLabels.Select((label, r) => new PublishedRow(label, table.Cells[r], table.RowTotals[r]))], table.ColumnTotals, table.GrandTotal);
}

/// <summary>The period a report covers, first and last day included, and the label it is known by (a financial year, a range of months).</summary>
public sealed record ReportPeriod(string Label, DateOnly From, DateOnly To);

/// <summary>COM-01: a period the records do not cover says so, with the reason, instead of showing 0.</summary>
public sealed record NoData(string Reason);

/// <summary>
/// The response of every table report, in every service: which report and version (COM-11), the period (COM-01), who
/// sees what (COM-04), and, for reports that give them, shares worked out from published counts only.
/// </summary>
public sealed record TableReport(
    ReportIdentity Report, ReportPeriod Period, Disclosure Disclosure, int SuppressionThreshold, LondonTime GeneratedAt, NoData? NoData,
    IReadOnlyList<PublishedTable> Tables,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PublishedShare>? Shares = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Restatement? Restatement = null);

/// <summary>
/// COM-09: a closed period's figures changed after it ended, because entries dated in it were recorded later. Counts are
/// by when things happened, so a late entry restates the period; this says how many did and when the last came, so a
/// figure published earlier is never silently different. <see cref="LateEntries"/> is suppressed like any count.
/// </summary>
public sealed record Restatement(ReportCount LateEntries, DateOnly? LastRecordedOn, string Note)
{
    public static Restatement Of(int lateEntries, DateOnly? lastRecordedOn, string entries, Disclosure disclosure)
    {
        var count = SmallNumberSuppression.Apply(new[,] { { lateEntries } }, disclosure).Cells[0][0];
        return new(count, lastRecordedOn, lateEntries == 0
            ? $"No {entries} dated in this period were recorded after it ended: the figures are as they stood when it closed."
            : $"{count} {entries} dated in this period were recorded after it ended, the last on {lastRecordedOn:yyyy-MM-dd}: figures taken before then counted fewer.");
    }
}

/// <summary>
/// A percentage of one published count over another (COM-12: CSE's share of referrals beside the share at high risk).
/// It is given only when both counts are published: a share of a suppressed count would give the count back.
/// </summary>
public sealed record PublishedShare(string Name, string Numerator, string Denominator, ReportCount NumeratorCount, ReportCount DenominatorCount,
    decimal? Percent, string? NotGivenBecause)
{
    public static PublishedShare Of(string name, string numerator, string denominator, ReportCount numeratorCount, ReportCount denominatorCount) =>
        (numeratorCount.Value, denominatorCount.Value) switch
        {
            (null, _) or (_, null) => new(name, numerator, denominator, numeratorCount, denominatorCount, null, "A count it is worked out from is suppressed."),
            (_, 0) => new(name, numerator, denominator, numeratorCount, denominatorCount, null, "There is nothing to take a share of."),
            ({ } n, { } d) => new(name, numerator, denominator, numeratorCount, denominatorCount, Math.Round(100m * n / d, 1, MidpointRounding.AwayFromZero), null),
        };
}
