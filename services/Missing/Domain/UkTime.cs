namespace Support.Missing.Domain;

/// <summary>
/// Instants are stored in UTC and shown in Europe/London (Part I). The offset comes from the time-zone database, so a
/// deadline that crosses a clock change is shown at the right local hour (GMT in winter, BST in summer).
/// </summary>
public static class UkTime
{
    public const string ZoneId = "Europe/London";

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    /// <summary>The same instant with the UK offset of that moment (+00:00 or +01:00).</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static bool IsSummerTime(DateTimeOffset instant) => Zone.IsDaylightSavingTime(instant);

    /// <summary>"GMT" or "BST" for the instant, as people in the UK would read it.</summary>
    public static string Abbreviation(DateTimeOffset instant) => IsSummerTime(instant) ? "BST" : "GMT";
}
