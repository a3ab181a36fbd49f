using Support.Contracts.Referrals;
using Support.Referrals.Domain.S47;

namespace Support.Referrals.Tests;

/// <summary>Part I deadlines of the s47 pathway at their edges: working days, bank holidays, REF-28 calendar hours, BST.</summary>
public sealed class S47DeadlineTests
{
    private static readonly S47Options Options = new();

    private static DateTimeOffset London(int y, int m, int d, int h, int min = 0)
    {
        var local = new DateTime(y, m, d, h, min, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Support.ServiceDefaults.Time.London.Zone.GetUtcOffset(local));
    }

    [Fact]
    public void The_strategy_discussion_is_due_one_working_day_later_skipping_a_bank_holiday_monday()
    {
        var fridayNight = London(2027, 5, 28, 22); // Friday before the spring bank holiday, Monday 31 May 2027

        var due = S47Deadlines.StrategyDiscussionDue(fridayNight, veryHigh: false, Options);

        Assert.Equal(London(2027, 6, 1, 22), due); // Tuesday
    }

    [Fact]
    public void A_very_high_risk_strategy_discussion_is_due_in_4_calendar_hours_through_the_weekend_before_a_bank_holiday_monday()
    {
        var fridayNight = London(2027, 5, 28, 22);

        var due = S47Deadlines.StrategyDiscussionDue(fridayNight, veryHigh: true, Options);

        Assert.Equal(London(2027, 5, 29, 2), due); // 02:00 on Saturday, not Tuesday (REF-28)
        Assert.Equal(TimeSpan.FromHours(4), due - fridayNight);
    }

    [Fact]
    public void Christmas_eve_is_a_working_day_but_christmas_and_boxing_day_are_not()
    {
        var christmasEve = London(2025, 12, 24, 10);

        Assert.Equal(London(2025, 12, 29, 10), S47Deadlines.StrategyDiscussionDue(christmasEve, false, Options));
        Assert.Equal(London(2025, 12, 24, 14), S47Deadlines.StrategyDiscussionDue(christmasEve, true, Options));
    }

    [Fact]
    public void Four_calendar_hours_are_elapsed_time_across_the_end_of_british_summer_time()
    {
        var beforeChange = London(2026, 10, 24, 23, 30); // BST; clocks go back at 02:00 on Sunday 25 October

        var due = S47Deadlines.StrategyDiscussionDue(beforeChange, true, Options);

        Assert.Equal(TimeSpan.FromHours(4), due - beforeChange);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.Zero), due); // 02:30 GMT, which the wall clock shows once
    }

    [Fact]
    public void Conference_and_assessment_deadlines_count_15_and_45_working_days()
    {
        var reasonableCause = London(2026, 11, 23, 9);   // Monday
        var strategy = London(2026, 11, 24, 15);         // Tuesday

        Assert.Equal(London(2026, 12, 15, 15), S47Deadlines.DueAt(S47Stage.StrategyMeetingHeld, reasonableCause, false, strategy, Options));
        Assert.Equal(London(2026, 12, 15, 15), S47Deadlines.DueAt(S47Stage.InvestigationAssessment, reasonableCause, false, strategy, Options));
        // 45 working days from Monday 23 November 2026, skipping 25 and 28 December and 1 January 2027.
        Assert.Equal(London(2027, 1, 28, 9), S47Deadlines.DueAt(S47Stage.ChildProtectionConferenceConsidered, reasonableCause, false, strategy, Options));
        Assert.Null(S47Deadlines.DueAt(S47Stage.CpPlan, reasonableCause, false, strategy, Options));
        Assert.Null(S47Deadlines.DueAt(S47Stage.NoFurtherAction, reasonableCause, false, strategy, Options));
    }
}
