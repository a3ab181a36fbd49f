namespace Support.Referrals.Domain.Cases;

/// <summary>One row of a history and the span it was in force: from its start until the next row's start (or an end).</summary>
public sealed record Period<T>(T Value, DateTimeOffset ValidFrom, DateTimeOffset? ValidTo)
{
    public bool Overlaps(DateTimeOffset from, DateTimeOffset to) => ValidFrom < to && (ValidTo is null || ValidTo > from);
}

public static class Periods
{
    /// <summary>Turns a history whose rows each end when the next begins into periods; the last ends at <paramref name="end"/>.</summary>
    public static IReadOnlyList<Period<T>> Of<T>(IEnumerable<T> rows, Func<T, DateTimeOffset> validFrom, DateTimeOffset? end = null)
    {
        var ordered = rows.OrderBy(validFrom).ToList();
        return ordered.Select((row, i) => new Period<T>(row, validFrom(row), i + 1 < ordered.Count ? validFrom(ordered[i + 1]) : end)).ToList();
    }
}
