namespace Support.LeavingCare.Domain;

/// <summary>
/// Ages and birthdays as the law counts them (Part I): someone born on 29 February turns a year older on 1 March in
/// a common year (not on 28 February, which is what <see cref="DateOnly.AddYears"/> would give).
/// </summary>
public static class Birthdays
{
    /// <summary>The date the person born on <paramref name="dateOfBirth"/> turns <paramref name="years"/>.</summary>
    public static DateOnly Anniversary(DateOnly dateOfBirth, int years)
    {
        var year = dateOfBirth.Year + years;
        return dateOfBirth is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year)
            ? new DateOnly(year, 3, 1)
            : new DateOnly(year, dateOfBirth.Month, dateOfBirth.Day);
    }

    /// <summary>Age in whole years on <paramref name="date"/>.</summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly date)
    {
        var age = date.Year - dateOfBirth.Year;
        return date < Anniversary(dateOfBirth, age) ? age - 1 : age;
    }
}
