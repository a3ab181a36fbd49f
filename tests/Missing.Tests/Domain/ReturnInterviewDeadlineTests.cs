using Support.Missing.Domain;
using Support.ServiceDefaults.Time;

namespace Support.Missing.Tests.Domain;

/// <summary>MIS-02, Part I: due 72 elapsed hours after the return; stored in UTC, shown in Europe/London.</summary>
public sealed class ReturnInterviewDeadlineTests
{
    private static readonly TimeSpan Deadline = ReturnInterviewDeadline.Default;

    [Fact]
    public void The_default_deadline_is_72_hours()
    {
        Assert.Equal(TimeSpan.FromHours(72), Deadline);
    }

    [Fact]
    public void An_interview_is_due_exactly_72_hours_after_the_return_and_is_overdue_from_that_instant()
    {
        var returnedAt = new DateTimeOffset(2026, 2, 10, 16, 45, 0, TimeSpan.Zero);

        var dueAt = ReturnInterviewDeadline.DueAt(returnedAt, Deadline);

        Assert.Equal(new DateTimeOffset(2026, 2, 13, 16, 45, 0, TimeSpan.Zero), dueAt);
        Assert.True(ReturnInterviewDeadline.IsOverdue(dueAt, returnedAt + TimeSpan.FromHours(72)));
        Assert.Equal(TimeSpan.Zero, ReturnInterviewDeadline.OverdueBy(dueAt, dueAt));
    }

    [Fact]
    public void One_tick_before_72_hours_the_interview_is_not_overdue()
    {
        var returnedAt = new DateTimeOffset(2026, 2, 10, 16, 45, 0, TimeSpan.Zero);
        var dueAt = ReturnInterviewDeadline.DueAt(returnedAt, Deadline);

        var justBefore = returnedAt + TimeSpan.FromHours(72) - TimeSpan.FromTicks(1);

        Assert.False(ReturnInterviewDeadline.IsOverdue(dueAt, justBefore));
        Assert.Equal(TimeSpan.Zero, ReturnInterviewDeadline.OverdueBy(dueAt, justBefore));
        Assert.Equal(TimeSpan.FromTicks(1), ReturnInterviewDeadline.OverdueBy(dueAt, dueAt + TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void Across_the_spring_clock_change_the_deadline_is_72_elapsed_hours_and_shows_one_hour_later_in_uk_time()
    {
        // Clocks go forward at 01:00 GMT on Sunday 29 March 2026.
        var returnedAt = new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero);

        var dueAt = ReturnInterviewDeadline.DueAt(returnedAt, Deadline);

        Assert.Equal(new DateTimeOffset(2026, 3, 31, 12, 0, 0, TimeSpan.Zero), dueAt);
        Assert.Equal(TimeSpan.FromHours(72), dueAt - returnedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero), London.ToLocal(returnedAt));
        Assert.Equal("GMT", London.Abbreviation(returnedAt));
        var localDue = London.ToLocal(dueAt);
        Assert.Equal(new DateTime(2026, 3, 31, 13, 0, 0), localDue.DateTime);
        Assert.Equal(TimeSpan.FromHours(1), localDue.Offset);
        Assert.Equal("BST", London.Abbreviation(dueAt));
    }

    [Fact]
    public void Across_the_autumn_clock_change_the_deadline_is_72_elapsed_hours_and_shows_one_hour_earlier_in_uk_time()
    {
        // Clocks go back at 01:00 GMT (02:00 BST) on Sunday 25 October 2026. 13:00 BST on the 24th is 12:00 UTC.
        var returnedAt = new DateTimeOffset(2026, 10, 24, 13, 0, 0, TimeSpan.FromHours(1));

        var dueAt = ReturnInterviewDeadline.DueAt(returnedAt, Deadline);

        Assert.Equal(new DateTimeOffset(2026, 10, 27, 12, 0, 0, TimeSpan.Zero), dueAt);
        Assert.Equal(TimeSpan.Zero, dueAt.Offset);
        Assert.Equal("BST", London.Abbreviation(returnedAt));
        var localDue = London.ToLocal(dueAt);
        Assert.Equal(new DateTime(2026, 10, 27, 12, 0, 0), localDue.DateTime);
        Assert.Equal(TimeSpan.Zero, localDue.Offset);
        Assert.Equal("GMT", London.Abbreviation(dueAt));
    }

    [Fact]
    public void A_return_in_the_repeated_autumn_hour_is_due_72_elapsed_hours_later()
    {
        // 01:30 local happens twice on 25 October 2026: first at 00:30 UTC (BST), then at 01:30 UTC (GMT).
        var firstPass = new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero);
        var secondPass = new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero);

        Assert.Equal(London.ToLocal(firstPass).DateTime, London.ToLocal(secondPass).DateTime);
        Assert.Equal(TimeSpan.FromHours(1),
            ReturnInterviewDeadline.DueAt(secondPass, Deadline) - ReturnInterviewDeadline.DueAt(firstPass, Deadline));
        Assert.Equal(new DateTime(2026, 10, 28, 0, 30, 0), London.ToLocal(ReturnInterviewDeadline.DueAt(firstPass, Deadline)).DateTime);
    }
}
