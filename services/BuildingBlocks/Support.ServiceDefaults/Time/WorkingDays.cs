using PublicHoliday;

namespace Support.ServiceDefaults.Time;

/// <summary>
/// Working days in England and Wales (Part I): not a Saturday, a Sunday or a bank holiday. The holidays come from the
/// PublicHoliday package (rules in code, versioned with the build, never a network call), substitute days included:
/// Christmas on a Saturday moves its holiday to Monday and Boxing Day to Tuesday. Deadlines count London dates and keep
/// the London time of day of the trigger. One computation for every service's working-day deadlines.
/// </summary>
public static class WorkingDays
{
    private static readonly UKBankHoliday EnglandAndWales = new(UKBankHoliday.UkCountries.England);

    public static bool IsBankHoliday(DateOnly date) => EnglandAndWales.IsBankHoliday(date.ToDateTime(TimeOnly.MinValue));

    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBankHoliday(date);

    /// <summary>The London date <paramref name="workingDays"/> working days after <paramref name="from"/>.</summary>
    public static DateOnly AddTo(DateOnly from, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = from;
        for (var counted = 0; counted < workingDays;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }
        return date;
    }

    /// <summary>
    /// The instant <paramref name="workingDays"/> working days after <paramref name="from"/>: the same London time of
    /// day on the Nth working day after the trigger's London date (a Friday-night item with 5 working days is due the
    /// following Friday night; across a bank holiday, a day later). A time the spring clock change skips is read as
    /// the same minutes after the change (<see cref="London.At"/>).
    /// </summary>
    public static DateTimeOffset Add(DateTimeOffset from, int workingDays) =>
        London.At(AddTo(London.DateOf(from), workingDays), London.TimeOf(from));
}
