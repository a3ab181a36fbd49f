namespace Support.LeavingCare.Domain;

/// <summary>Instants are stored in UTC and shown in Europe/London (Part I); a birthday starts at UK midnight.</summary>
public static class UkTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The calendar date in the UK at <paramref name="instant"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());
}
