using System.Globalization;

namespace Support.Referrals.Domain;

/// <summary>Instants are stored in UTC and shown in Europe/London (Part I).</summary>
public static class London
{
    public static string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, WorkingDays.London).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? instant) => instant is { } value ? Format(value) : null;

    /// <summary>To the second: the chronology's entries, where several can fall in one minute (REC-02).</summary>
    public static string FormatToTheSecond(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, WorkingDays.London).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    /// <summary>The instant a London calendar day begins. UK clocks change at 01:00 and 02:00, so midnight always exists, once.</summary>
    public static DateTimeOffset StartOf(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, WorkingDays.London.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary>The UK calendar date of an instant: ages, birthdays and "today" are London dates (REF-07).</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, WorkingDays.London).DateTime);
}
