namespace Support.ServiceDefaults.Reporting;

/// <summary>
/// OUT-10: a table of values as people described them (gender, ethnicity), never assumed, for any subject the report
/// counts once each: Outreach's reach and persons-of-concern reports, and the unmet-need report's breakdowns.
/// </summary>
public static class DescribedValueTable
{
    public const string NotRecorded = "Not recorded";
    public const string OtherDescribed = "Other described values";

    /// <summary>
    /// Rows are the values as recorded, compared without regard to case or surrounding spaces; <paramref name="fixedRows"/>
    /// always appear (zero included), then the described values in order, then "Not recorded". For all but auditors, a
    /// described value with no more subjects than the suppression threshold is counted under "Other described
    /// values": its count would be hidden anyway, and its name alone could single someone out. With
    /// <paramref name="weight"/>, each item stands for that many subjects (rows already counted by the database).
    /// </summary>
    public static PublishedTable Of<T>(string name, string countingUnit, string field, IReadOnlyList<T> subjects, Func<T, string?> value,
        string columnField, Func<T, int> column, IReadOnlyList<string> columns, IReadOnlyList<string> fixedRows, Disclosure disclosure,
        Func<T, int>? weight = null)
    {
        weight ??= _ => 1;
        // A value written as "not recorded" is not a description; one written as the merged row's name is merged.
        static string? Key(string? v) => string.IsNullOrWhiteSpace(v) || string.Equals(v.Trim(), NotRecorded, StringComparison.OrdinalIgnoreCase)
            ? null
            : v.Trim().ToUpperInvariant();
        var fixedByKey = fixedRows.ToDictionary(r => Key(r)!, r => r);
        var described = subjects.Where(s => Key(value(s)) is { } k && !fixedByKey.ContainsKey(k))
            .GroupBy(s => Key(value(s))).ToDictionary(g => g.Key!, g => (Label: g.Select(s => value(s)!.Trim()).Min(StringComparer.Ordinal)!, Count: g.Sum(weight)));
        var merged = disclosure == Disclosure.Suppressed
            ? described.Where(d => d.Value.Count <= SmallNumberSuppression.DefaultThreshold || d.Key == Key(OtherDescribed)).Select(d => d.Key).ToHashSet()
            : [];

        string RowOf(string? v) => Key(v) switch
        {
            null => NotRecorded,
            var k when fixedByKey.TryGetValue(k, out var label) => label,
            var k when merged.Contains(k) => OtherDescribed,
            var k => described[k].Label,
        };
        var rows = fixedRows
            .Concat(described.Where(d => !merged.Contains(d.Key)).Select(d => d.Value.Label).Order(StringComparer.OrdinalIgnoreCase))
            .Concat(merged.Count > 0 ? [OtherDescribed] : [])
            .Append(NotRecorded)
            .ToList();
        var cells = new int[rows.Count, columns.Count];
        foreach (var subject in subjects)
        {
            cells[rows.IndexOf(RowOf(value(subject))), column(subject)] += weight(subject);
        }
        return PublishedTable.Of(name, countingUnit, field, columnField, rows, columns, cells, disclosure);
    }
}
