using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Http;

namespace Support.ServiceDefaults.Reporting;

/// <summary>CSV export of every table report, in every service (a maintained RFC 4180 writer): one line per published count, totals included, "c" where suppressed.</summary>
public static class ReportCsv
{
    public sealed record Line(string Report, int Version, string Period, string Disclosure, string Table, string Unit, string Row, string Column, string Value);

    public static IEnumerable<Line> Lines(TableReport report)
    {
        if (report.NoData is { } none)
        {
            yield return new Line(report.Report.Name, report.Report.Version, report.Period.Label, report.Disclosure.ToString(), "", report.Report.CountingUnit,
                "", "", "no data: " + none.Reason);
            yield break;
        }
        foreach (var table in report.Tables)
        {
            Line Of(string row, string column, ReportCount value) => new(report.Report.Name, report.Report.Version, report.Period.Label,
                report.Disclosure.ToString(), table.Name, table.Unit, row, column, value.ToString());
            foreach (var row in table.Body)
            {
                for (var c = 0; c < table.ColumnLabels.Count; c++)
                {
                    yield return Of(row.Label, table.ColumnLabels[c], row.Cells[c]);
                }
                yield return Of(row.Label, "Total", row.Total);
            }
            for (var c = 0; c < table.ColumnLabels.Count; c++)
            {
                yield return Of("Total", table.ColumnLabels[c], table.ColumnTotals[c]);
            }
            yield return Of("Total", "Total", table.GrandTotal);
        }
        if (report.Restatement is { } restatement)
        {
            yield return new Line(report.Report.Name, report.Report.Version, report.Period.Label, report.Disclosure.ToString(), "restatement",
                report.Report.CountingUnit, "LateEntries", restatement.LastRecordedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", restatement.LateEntries.ToString());
        }
        foreach (var share in report.Shares ?? [])
        {
            var percent = share.Percent?.ToString(CultureInfo.InvariantCulture) ?? (share.NumeratorCount.IsSuppressed || share.DenominatorCount.IsSuppressed ? ReportCount.SuppressedMarker : "");
            yield return new Line(report.Report.Name, report.Report.Version, report.Period.Label, report.Disclosure.ToString(), "shares", "Percent",
                share.Name, $"{share.Numerator} of {share.Denominator}", percent);
        }
    }

    private static readonly string[] Header = ["report", "version", "period", "disclosure", "table", "unit", "row", "column", "value"];

    public static IResult File(IEnumerable<Line> lines, string name, string period)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, options: null, leaveOpen: true))
        {
            csv.WriteHeader(Header);
            foreach (var l in lines)
            {
                csv.WriteRecord([l.Report, l.Version.ToString(CultureInfo.InvariantCulture), l.Period, l.Disclosure, Cell(l.Table), l.Unit, Cell(l.Row),
                    Cell(l.Column), l.Value]);
            }
        }
        return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"{name}-{period}.csv");
    }

    /// <summary>A label a spreadsheet would run as a formula (a provider named "=HYPERLINK(...)") is written as text.</summary>
    private static string Cell(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    public static bool Wanted(string? format) => string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
}
