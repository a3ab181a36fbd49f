using Support.Referrals.Domain;

namespace Support.Referrals.Tests;

public sealed class WorkingDaysTests
{
    [Theory]
    // Friday 09:00 GMT + 1 working day: Monday 09:00.
    [InlineData("2026-11-20T09:00:00Z", 1, "2026-11-23T09:00:00Z")]
    // Saturday counts from the weekend: the first working day after it is Monday.
    [InlineData("2026-11-21T15:00:00Z", 1, "2026-11-23T15:00:00Z")]
    // Thursday before Easter 2026: Good Friday 3 April and Easter Monday 6 April are skipped.
    [InlineData("2026-04-02T10:00:00Z", 1, "2026-04-07T10:00:00Z")]
    // Christmas 2026: Friday 25th and Monday 28th (substitute for Boxing Day) are bank holidays.
    [InlineData("2026-12-24T12:00:00Z", 1, "2026-12-29T12:00:00Z")]
    // 5 working days from Wednesday 23 December 2026: 24, 29, 30, 31 December and 4 January (1 January is a holiday).
    [InlineData("2026-12-23T12:00:00Z", 5, "2027-01-04T12:00:00Z")]
    // Across the spring clock change the London time of day is kept: 09:00 GMT Friday -> 09:00 BST Monday (08:00Z).
    [InlineData("2026-03-27T09:00:00Z", 1, "2026-03-30T08:00:00Z")]
    // ...and across the autumn change: 09:00 BST Friday (08:00Z) -> 09:00 GMT Monday.
    [InlineData("2026-10-23T08:00:00Z", 1, "2026-10-26T09:00:00Z")]
    // Friday 23:30 UTC is already Saturday 00:30 in London: dated by its London date, so due Monday 00:30 BST.
    [InlineData("2026-06-05T23:30:00Z", 1, "2026-06-07T23:30:00Z")]
    public void Working_days_skip_weekends_and_England_and_Wales_bank_holidays_and_keep_the_London_time_of_day(string from, int days, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected), WorkingDays.Add(DateTimeOffset.Parse(from), days));
    }

    [Theory]
    // Friday 9 January 2026 (GMT): the office day is 09:00 to 17:00.
    [InlineData("2026-01-09T08:59:00Z", true)]
    [InlineData("2026-01-09T09:00:00Z", false)]
    [InlineData("2026-01-09T16:59:00Z", false)]
    [InlineData("2026-01-09T17:00:00Z", true)]
    // Saturday midday and Good Friday midday are out of hours all day.
    [InlineData("2026-01-10T12:00:00Z", true)]
    [InlineData("2026-04-03T12:00:00Z", true)]
    // In summer London is UTC+1: 08:30Z is 09:30 BST (in hours) and 16:30Z is 17:30 BST (out).
    [InlineData("2026-06-10T08:30:00Z", false)]
    [InlineData("2026-06-10T16:30:00Z", true)]
    public void Out_of_hours_is_before_9_or_from_17_London_time_or_any_time_on_a_weekend_or_bank_holiday(string instant, bool outOfHours)
    {
        Assert.Equal(outOfHours, WorkingDays.IsOutOfHours(DateTimeOffset.Parse(instant)));
    }

    [Fact]
    public void A_date_beyond_the_bank_holiday_table_is_refused_rather_than_guessed()
    {
        Assert.Throws<InvalidOperationException>(() => WorkingDays.Add(new DateTimeOffset(2028, 12, 29, 12, 0, 0, TimeSpan.Zero), 2));
    }

    [Fact]
    public void The_bank_holiday_table_covers_next_year()
    {
        Assert.True(WorkingDays.CoveredUntil.Year >= DateTime.UtcNow.Year + 1, "extend WorkingDays.BankHolidays");
    }
}
