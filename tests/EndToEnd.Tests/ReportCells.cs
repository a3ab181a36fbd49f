using System.Text.Json;

namespace Support.EndToEnd.Tests;

/// <summary>Reading a table report's cells (the shape every service's reports share) by table name, row and column label.</summary>
internal static class ReportCells
{
    /// <summary>The row labelled <paramref name="label"/> in the named table, or null when the table or row is absent.</summary>
    public static JsonElement? Row(JsonElement report, string table, string label) =>
        report.GetProperty("tables").EnumerateArray().Where(t => t.GetProperty("name").GetString() == table)
            .SelectMany(t => t.GetProperty("body").EnumerateArray()).Where(r => r.GetProperty("label").GetString() == label)
            .Select(r => (JsonElement?)r).FirstOrDefault();

    /// <summary>
    /// The cell at <paramref name="row"/> and <paramref name="column"/> (a number, or "c" where suppressed), or null while
    /// the table or row is absent: a report has no tables until its records start.
    /// </summary>
    public static JsonElement? Count(JsonElement report, string table, string row, string column)
    {
        var t = report.GetProperty("tables").EnumerateArray().FirstOrDefault(x => x.GetProperty("name").GetString() == table);
        if (t.ValueKind != JsonValueKind.Object || Row(report, table, row) is not { } found)
        {
            return null;
        }
        var index = t.GetProperty("columnLabels").EnumerateArray().Select(c => c.GetString()).ToList().IndexOf(column);
        return index < 0 ? null : found.GetProperty("cells")[index];
    }
}
