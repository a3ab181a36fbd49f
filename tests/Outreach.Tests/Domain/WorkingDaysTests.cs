using Support.ServiceDefaults.Time;

namespace Support.Outreach.Tests.Domain;

/// <summary>Part I: working days skip weekends and the bank holidays of England and Wales, substitute days included.</summary>
public sealed class WorkingDaysTests
{
    [Theory]
    [InlineData("2026-04-03")] // Good Friday
    [InlineData("2026-04-06")] // Easter Monday
    [InlineData("2026-05-04")] // Early May
    [InlineData("2026-08-31")] // Summer (England and Wales; Scotland's is earlier)
    [InlineData("2026-12-25")]
    [InlineData("2026-12-28")] // Boxing Day falls on a Saturday: substitute Monday
    [InlineData("2027-12-27")] // Christmas on a Saturday: substitute Monday
    [InlineData("2027-12-28")] // and Boxing Day's substitute Tuesday
    [InlineData("2028-01-03")] // New Year's Day on a Saturday
    public void A_bank_holiday_of_england_and_wales_is_not_a_working_day(string date) =>
        Assert.False(WorkingDays.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-08-03")] // Scotland's summer bank holiday, a working day in England
    [InlineData("2026-03-17")] // St Patrick's Day, Northern Ireland only
    [InlineData("2026-12-24")]
    public void A_holiday_elsewhere_in_the_uk_is_a_working_day_in_england(string date) =>
        Assert.True(WorkingDays.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Five_working_days_from_a_friday_night_is_the_next_friday_night_at_the_same_london_time()
    {
        var fridayNight = London.At(new DateOnly(2026, 1, 30), new TimeOnly(22, 0));

        Assert.Equal(London.At(new DateOnly(2026, 2, 6), new TimeOnly(22, 0)), WorkingDays.Add(fridayNight, 5));
    }

    [Fact]
    public void Five_working_days_across_easter_skip_good_friday_and_easter_monday_and_keep_the_hour_across_the_clock_change()
    {
        // Thursday 26 March 2026, 22:00 GMT; the clocks go forward on Sunday 29 March.
        var thursday = London.At(new DateOnly(2026, 3, 26), new TimeOnly(22, 0));

        var due = WorkingDays.Add(thursday, 5);

        Assert.Equal(new DateTimeOffset(2026, 4, 2, 21, 0, 0, TimeSpan.Zero), due); // Thursday 2 April, 22:00 BST
        var beforeEaster = London.At(new DateOnly(2026, 4, 2), new TimeOnly(9, 0));
        Assert.Equal(London.At(new DateOnly(2026, 4, 13), new TimeOnly(9, 0)), WorkingDays.Add(beforeEaster, 5));
    }
}
