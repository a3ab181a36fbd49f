namespace Support.ServiceDefaults.Time;

/// <summary>
/// The one shape of an instant in every response: <c>{"utc": "2026-07-01T09:00:00+00:00", "london":
/// "2026-07-01T10:00:00+01:00", "zone": "BST"}</c>. <c>utc</c> is for machines, <c>london</c> is the same instant with
/// the UK offset of that moment (to the second), and <c>zone</c> is how a person in the UK names it. Dates without a
/// time (birthdays, due dates) are plain <c>yyyy-MM-dd</c> London dates and need no wrapper.
/// </summary>
public readonly record struct LondonTime(DateTimeOffset Utc, DateTimeOffset London, string Zone)
{
    public static LondonTime Of(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new LondonTime(utc, Time.London.ToLocal(utc), Time.London.Abbreviation(utc));
    }

    public static LondonTime? Of(DateTimeOffset? instant) => instant is { } value ? Of(value) : null;
}
