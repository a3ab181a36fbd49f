using Support.Referrals.Domain;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Tests;

/// <summary>
/// Referrals' deadlines run on the one shared calendar (<see cref="WorkingDays"/>, holidays computed by rule for any
/// year plus the one-off holidays), and office hours (REF-28) on top of it.
/// </summary>
public sealed class WorkingDaysTests
{
    /// <summary>
    /// England and Wales bank holidays as published by GOV.UK (www.gov.uk/bank-holidays, from 2018, the first year its
    /// data covers), including substitute days and the one-off holidays: VE Day 2020 (moved from 4 May), the Platinum
    /// Jubilee 2022 (spring holiday moved to 2 June, 3 June added), the State Funeral of Queen Elizabeth II on
    /// 19 September 2022 and the Coronation on 8 May 2023.
    /// </summary>
    public static readonly TheoryData<int, string[]> Published = new()
    {
        { 2018, ["2018-01-01", "2018-03-30", "2018-04-02", "2018-05-07", "2018-05-28", "2018-08-27", "2018-12-25", "2018-12-26"] },
        { 2019, ["2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26", "2019-12-25", "2019-12-26"] },
        { 2020, ["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"] },
        { 2021, ["2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"] },
        { 2022, ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"] },
        { 2023, ["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"] },
        { 2024, ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"] },
        { 2025, ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"] },
        { 2026, ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"] },
        { 2027, ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"] },
        { 2028, ["2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26"] },
    };

    [Theory]
    [MemberData(nameof(Published))]
    public void The_computed_bank_holidays_are_exactly_the_published_ones_for_every_year_published(int year, string[] published)
    {
        var computed = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365)
            .Select(day => new DateOnly(year, 1, 1).AddDays(day))
            .Where(WorkingDays.IsBankHoliday)
            .Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
        Assert.Equal(published, computed);
    }

    [Theory]
    // 2029 and later are computed by rule, never refused: New Year's Day 2029 is a Monday, Easter Sunday 1 April.
    [InlineData("2029-01-01", false)]
    [InlineData("2029-01-02", true)]
    [InlineData("2029-03-30", false)]
    [InlineData("2029-04-02", false)]
    [InlineData("2029-05-07", false)]
    [InlineData("2029-12-25", false)]
    // 2032: Christmas Day on a Saturday moves to Monday 27th and Boxing Day to Tuesday 28th.
    [InlineData("2032-12-27", false)]
    [InlineData("2032-12-28", false)]
    [InlineData("2032-12-29", true)]
    // Long before and long after: a weekday is a working day, whatever the year.
    [InlineData("2001-03-14", true)]
    [InlineData("2100-03-16", true)]
    public void Working_days_are_computed_for_any_year(string date, bool working)
    {
        Assert.Equal(working, WorkingDays.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

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
    // Past the end of the old table (2028): Friday 29 December 2028 + 2 working days is Wednesday 3 January 2029
    // (1 January 2029 is a Monday bank holiday).
    [InlineData("2028-12-29T12:00:00Z", 2, "2029-01-03T12:00:00Z")]
    // The Coronation, Monday 8 May 2023, a one-off: Friday 5 May + 1 working day is Tuesday 9 May.
    [InlineData("2023-05-05T10:00:00Z", 1, "2023-05-09T10:00:00Z")]
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
    // Years the old table never covered: Wednesday 1 January 2020 is New Year's Day; 2 January 2030 a Wednesday.
    [InlineData("2020-01-01T12:00:00Z", true)]
    [InlineData("2030-01-02T12:00:00Z", false)]
    public void Out_of_hours_is_before_9_or_from_17_London_time_or_any_time_on_a_weekend_or_bank_holiday(string instant, bool outOfHours)
    {
        Assert.Equal(outOfHours, OfficeHours.IsOutOfHours(DateTimeOffset.Parse(instant)));
    }
}
