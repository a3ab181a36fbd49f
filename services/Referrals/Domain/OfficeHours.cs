using Support.ServiceDefaults.Time;

namespace Support.Referrals.Domain;

/// <summary>Office hours, London time, on a working day of the shared calendar. Part I sets none; 09:00 to 17:00 is the council day.</summary>
public static class OfficeHours
{
    public static readonly TimeOnly Opens = new(9, 0);
    public static readonly TimeOnly Closes = new(17, 0);

    /// <summary>
    /// REF-28: outside office hours (before 09:00 or from 17:00 London time, or any time on a weekend or bank
    /// holiday), when a breached deadline goes to the on-call manager because no team is at its desk.
    /// </summary>
    public static bool IsOutOfHours(DateTimeOffset instant)
    {
        var time = London.TimeOf(instant);
        return !WorkingDays.IsWorkingDay(London.DateOf(instant)) || time < Opens || time >= Closes;
    }
}
