using System.Globalization;

namespace Support.ServiceDefaults.Time;

/// <summary>
/// Instants are stored in UTC and shown in Europe/London (Part I). The offset comes from the time-zone database, so a
/// deadline that crosses a clock change is shown at the right local hour (GMT in winter, BST in summer). The one
/// London-time helper for every service: responses carry <see cref="LondonTime"/>, never a hand-formatted string.
/// </summary>
public static class London
{
    public const string ZoneId = "Europe/London";

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    /// <summary>The same instant with the UK offset of that moment (+00:00 or +01:00).</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static bool IsSummerTime(DateTimeOffset instant) => Zone.IsDaylightSavingTime(instant);

    /// <summary>"GMT" or "BST" for the instant, as people in the UK would read it.</summary>
    public static string Abbreviation(DateTimeOffset instant) => IsSummerTime(instant) ? "BST" : "GMT";

    /// <summary>The UK calendar date of an instant: ages, birthdays and "today" are London dates (REF-07).</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The London wall-clock time of an instant.</summary>
    public static TimeOnly TimeOf(DateTimeOffset instant) => TimeOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The UK calendar date now, on the injected clock.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>
    /// A London calendar day as a UTC span [start of the day, start of the next day): 23 hours on the spring change
    /// day, 25 on the autumn one, 24 otherwise.
    /// </summary>
    public static (DateTimeOffset From, DateTimeOffset To) DayOf(DateOnly date) => (StartOf(date), StartOf(date.AddDays(1)));

    /// <summary>The instant a London calendar day begins. UK clocks change at 01:00 and 02:00, so midnight always exists, once.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => At(date, TimeOnly.MinValue);

    /// <summary>
    /// The instant a London wall-clock time names. In the spring gap (01:00-02:00 on the last Sunday of March) the
    /// time does not exist and is read as the same minutes after the clocks went forward; in the autumn overlap the
    /// earlier (BST) instant is taken, as a person reading their watch would mean the first one.
    /// </summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>A plain text rendering for messages meant for people (SMS replies, notes): "2026-12-03 23:19 GMT".</summary>
    public static string Describe(DateTimeOffset instant) =>
        ToLocal(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + Abbreviation(instant);
}
