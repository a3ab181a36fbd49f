using Support.LeavingCare.Domain;
using Support.ServiceDefaults.Time;

namespace Support.LeavingCare.Tests;

/// <summary>Part I: someone born on 29 February turns a year older on 1 March in a common year.</summary>
public sealed class BirthdayTests
{
    [Theory]
    [InlineData("2008-02-29", 18, "2026-03-01")] // 2026 is a common year: 1 March, not 28 February
    [InlineData("2008-02-29", 16, "2024-02-29")] // 2024 is a leap year: the day itself
    [InlineData("2004-02-29", 25, "2029-03-01")]
    [InlineData("2000-02-29", 100, "2100-03-01")] // 2100 is not a leap year (divisible by 100, not 400)
    [InlineData("2000-02-29", 400, "2400-02-29")] // 2400 is
    [InlineData("2008-02-28", 18, "2026-02-28")]
    [InlineData("2008-03-01", 18, "2026-03-01")]
    [InlineData("2007-12-31", 18, "2025-12-31")]
    public void An_anniversary_falls_on_the_same_day_or_1_March_for_a_leap_day_birthday(string born, int years, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Birthdays.Anniversary(DateOnly.Parse(born), years));

    [Theory]
    [InlineData("2008-02-29", "2026-02-28", 17)] // still 17 on 28 February of a common year
    [InlineData("2008-02-29", "2026-03-01", 18)]
    [InlineData("2008-02-29", "2028-02-28", 19)]
    [InlineData("2008-02-29", "2028-02-29", 20)]
    [InlineData("2008-06-15", "2026-06-14", 17)]
    [InlineData("2008-06-15", "2026-06-15", 18)]
    public void Age_counts_whole_years_with_the_leap_day_rule(string born, string on, int expected) =>
        Assert.Equal(expected, Birthdays.AgeOn(DateOnly.Parse(born), DateOnly.Parse(on)));

    [Fact]
    public void The_uk_date_of_an_instant_late_on_a_summer_evening_is_the_next_day()
    {
        // 23:30 UTC on 30 June is 00:30 BST on 1 July: a birthday on 1 July has begun in the UK.
        Assert.Equal(new DateOnly(2026, 7, 1), London.DateOf(new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 1, 1), London.DateOf(new DateTimeOffset(2026, 1, 1, 0, 30, 0, TimeSpan.Zero)));
    }
}
