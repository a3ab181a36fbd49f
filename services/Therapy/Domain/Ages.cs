namespace Support.Therapy.Domain;

public static class Ages
{
    /// <summary>Age in whole years on a date; someone born on 29 February turns a year older on 1 March in a common year (Part I).</summary>
    public static int On(DateOnly dateOfBirth, DateOnly date)
    {
        var age = date.Year - dateOfBirth.Year;
        var birthdayThisYear = dateOfBirth.Month == 2 && dateOfBirth.Day == 29 && !DateTime.IsLeapYear(date.Year)
            ? new DateOnly(date.Year, 3, 1)
            : new DateOnly(date.Year, dateOfBirth.Month, dateOfBirth.Day);
        return date < birthdayThisYear ? age - 1 : age;
    }
}
