using System.Globalization;

namespace Support.Referrals.Domain;

/// <summary>Instants are stored in UTC and shown in Europe/London (Part I).</summary>
public static class London
{
    public static string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, WorkingDays.London).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? instant) => instant is { } value ? Format(value) : null;

    /// <summary>The UK calendar date of an instant: ages, birthdays and "today" are London dates (REF-07).</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, WorkingDays.London).DateTime);
}
