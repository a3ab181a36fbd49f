using Support.ServiceDefaults.Time;
using Support.SupportLine.Domain;
using Support.Testing;

namespace Support.SupportLine.Tests.Domain;

/// <summary>SL-03: safe times are daily London wall-clock windows; their edges and the clock changes.</summary>
public sealed class SafeTimesTests
{
    private static ContactPreference Preference(params string[] windows) =>
        new() { Id = Guid.NewGuid(), YoungPersonId = Guid.NewGuid(), SafeTimes = [.. windows], RecordedBy = "worker" };

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) =>
        London.At(new DateOnly(year, month, day), new TimeOnly(hour, minute));

    [Theory]
    [InlineData("16:00-21:00", 15, 59, false)]
    [InlineData("16:00-21:00", 16, 0, true)]
    [InlineData("16:00-21:00", 20, 59, true)]
    [InlineData("16:00-21:00", 21, 0, false)]
    [InlineData("22:00-02:00", 23, 30, true)]
    [InlineData("22:00-02:00", 1, 59, true)]
    [InlineData("22:00-02:00", 2, 0, false)]
    [InlineData("22:00-02:00", 21, 59, false)]
    public void A_window_includes_its_start_and_excludes_its_end_on_the_london_clock(string window, int hour, int minute, bool safe)
    {
        Assert.Equal(safe, Preference(window).IsSafeAt(At(2026, 7, 1, hour, minute)));
    }

    [Fact]
    public void No_windows_means_any_time_is_safe()
    {
        var any = Preference();
        Assert.True(any.IsSafeAt(At(2026, 1, 1, 3, 0)));
        Assert.Equal(At(2026, 1, 1, 3, 0), any.NextSafeTime(At(2026, 1, 1, 3, 0)));
    }

    [Fact]
    public void The_next_safe_time_is_the_start_of_the_next_window_today_or_tomorrow()
    {
        var preference = Preference("07:30-08:15", "16:00-21:00");
        Assert.Equal("2026-01-10 16:00 +00:00 GMT", LondonTime.Of(preference.NextSafeTime(At(2026, 1, 10, 9, 0))).Shown());
        Assert.Equal("2026-01-11 07:30 +00:00 GMT", LondonTime.Of(preference.NextSafeTime(At(2026, 1, 10, 22, 30))).Shown());
    }

    [Fact]
    public void Across_the_spring_clock_change_a_window_is_read_on_the_new_clock()
    {
        // 29 March 2026: clocks go forward at 01:00 GMT. A 16:00 window opens at 16:00 BST, 15:00 UTC.
        var next = Preference("16:00-21:00").NextSafeTime(At(2026, 3, 29, 0, 30));
        Assert.Equal("2026-03-29 16:00 +01:00 BST", LondonTime.Of(next).Shown());
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 15, 0, 0, TimeSpan.Zero), next);
        // A window starting in the gap (01:30 does not exist that night) opens when the clocks have gone forward.
        Assert.Equal("2026-03-29 02:30 +01:00 BST", LondonTime.Of(Preference("01:30-03:00").NextSafeTime(At(2026, 3, 29, 0, 30))).Shown());
    }

    [Fact]
    public void Across_the_autumn_clock_change_a_window_is_read_on_the_new_clock()
    {
        // 25 October 2026: clocks go back at 02:00 BST. A 16:00 window opens at 16:00 GMT, 16:00 UTC.
        var next = Preference("16:00-21:00").NextSafeTime(At(2026, 10, 25, 3, 0));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 16, 0, 0, TimeSpan.Zero), next);
    }

    [Theory]
    [InlineData("16:00")]
    [InlineData("16:00-16:00")]
    [InlineData("4pm-9pm")]
    [InlineData("24:00-02:00")]
    [InlineData("16:00-21:00-22:00")]
    [InlineData("")]
    public void A_window_that_is_not_two_different_hh_mm_times_is_refused(string text)
    {
        Assert.False(SafeWindow.TryParse(text, out _));
    }
}
