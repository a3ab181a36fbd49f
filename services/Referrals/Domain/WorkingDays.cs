using Support.ServiceDefaults.Time;
namespace Support.Referrals.Domain;

/// <summary>
/// Working days in England and Wales: not Saturday, Sunday or a bank holiday (Part I). The holiday table is versioned
/// here in code, never fetched over the network; a date past its end throws rather than silently ignoring holidays.
/// Deadlines count in Europe/London local dates and keep the local time of day of the trigger.
/// </summary>
public static class WorkingDays
{
    /// <summary>Bank holidays in England and Wales, including substitute days. Extend every year.</summary>
    private static readonly HashSet<DateOnly> BankHolidays =
    [
        new(2025, 1, 1), new(2025, 4, 18), new(2025, 4, 21), new(2025, 5, 5), new(2025, 5, 26), new(2025, 8, 25), new(2025, 12, 25), new(2025, 12, 26),
        new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 4), new(2026, 5, 25), new(2026, 8, 31), new(2026, 12, 25), new(2026, 12, 28),
        new(2027, 1, 1), new(2027, 3, 26), new(2027, 3, 29), new(2027, 5, 3), new(2027, 5, 31), new(2027, 8, 30), new(2027, 12, 27), new(2027, 12, 28),
        new(2028, 1, 3), new(2028, 4, 14), new(2028, 4, 17), new(2028, 5, 1), new(2028, 5, 29), new(2028, 8, 28), new(2028, 12, 25), new(2028, 12, 26),
    ];

    public static readonly DateOnly CoveredFrom = new(2025, 1, 1);
    public static readonly DateOnly CoveredUntil = new(2028, 12, 31);

    public static bool IsWorkingDay(DateOnly date)
    {
        if (date < CoveredFrom || date > CoveredUntil)
        {
            throw new InvalidOperationException(
                $"The bank holiday table covers {CoveredFrom:yyyy} to {CoveredUntil:yyyy}; {date:yyyy-MM-dd} is outside it. Extend WorkingDays.");
        }
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !BankHolidays.Contains(date);
    }

    /// <summary>Office hours, London time, on a working day. Part I sets none; 09:00 to 17:00 is the council day.</summary>
    public static readonly TimeOnly OfficeOpens = new(9, 0);
    public static readonly TimeOnly OfficeCloses = new(17, 0);

    /// <summary>
    /// REF-28: outside office hours (before 09:00 or from 17:00 London time, or any time on a weekend or bank
    /// holiday), when a breached deadline goes to the on-call manager because no team is at its desk.
    /// </summary>
    public static bool IsOutOfHours(DateTimeOffset instant)
    {
        var time = London.TimeOf(instant);
        return !IsWorkingDay(London.DateOf(instant)) || time < OfficeOpens || time >= OfficeCloses;
    }

    /// <summary>
    /// The instant <paramref name="workingDays"/> working days after <paramref name="from"/>: the same London time of
    /// day on the Nth working day after the trigger's London date. A trigger on Friday evening with 1 working day is
    /// due on Monday evening; across a bank holiday weekend, on Tuesday.
    /// </summary>
    public static DateTimeOffset Add(DateTimeOffset from, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = London.DateOf(from);
        for (var counted = 0; counted < workingDays;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }
        // A local time skipped by the spring clock change does not exist and is read an hour later (London.At).
        return London.At(date, London.TimeOf(from));
    }
}
