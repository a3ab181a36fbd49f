using System.Text.Json;
using Support.ServiceDefaults.Time;

namespace Support.Messaging.Tests.Time;

/// <summary>
/// Part I: instants are stored in UTC and shown in Europe/London. In 2026 the clocks go forward at 01:00 UTC on
/// 29 March (01:00 GMT becomes 02:00 BST) and back at 01:00 UTC on 25 October (02:00 BST becomes 01:00 GMT).
/// </summary>
public sealed class LondonTimeTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void A_winter_wall_clock_time_is_the_same_instant_in_utc()
    {
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero), London.At(new DateOnly(2026, 1, 15), new TimeOnly(9, 0)));
    }

    [Fact]
    public void A_summer_wall_clock_time_is_an_hour_earlier_in_utc()
    {
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero), London.At(new DateOnly(2026, 7, 1), new TimeOnly(9, 0)));
    }

    [Fact]
    public void A_time_in_the_spring_gap_is_read_as_the_same_minutes_after_the_clocks_went_forward()
    {
        // 01:30 on 29 March 2026 never happened in London; 02:30 BST (01:30 UTC) is what the reader meant.
        var at = London.At(new DateOnly(2026, 3, 29), new TimeOnly(1, 30));

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), at);
        Assert.Equal("BST", London.Abbreviation(at));
        // Either side of the gap: 00:59 is still GMT, 02:00 is already BST.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 0, 59, 0, TimeSpan.Zero), London.At(new DateOnly(2026, 3, 29), new TimeOnly(0, 59)));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), London.At(new DateOnly(2026, 3, 29), new TimeOnly(2, 0)));
    }

    [Fact]
    public void A_time_in_the_autumn_overlap_is_the_first_of_the_two_instants()
    {
        // 01:30 on 25 October 2026 happens twice: 00:30 UTC (BST), then 01:30 UTC (GMT). A person means the first.
        var at = London.At(new DateOnly(2026, 10, 25), new TimeOnly(1, 30));

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), at);
        Assert.Equal("BST", London.Abbreviation(at));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 2, 0, 0, TimeSpan.Zero), London.At(new DateOnly(2026, 10, 25), new TimeOnly(2, 0)));
    }

    [Fact]
    public void A_clock_change_day_is_23_or_25_hours_long()
    {
        var (springFrom, springTo) = London.DayOf(new DateOnly(2026, 3, 29));
        var (autumnFrom, autumnTo) = London.DayOf(new DateOnly(2026, 10, 25));

        Assert.Equal(TimeSpan.FromHours(23), springTo - springFrom);
        Assert.Equal(TimeSpan.FromHours(25), autumnTo - autumnFrom);
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 23, 0, 0, TimeSpan.Zero), autumnFrom);
    }

    [Fact]
    public void The_london_date_of_a_late_summer_evening_in_utc_is_the_next_day()
    {
        Assert.Equal(new DateOnly(2026, 7, 1), London.DateOf(new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 12, 31), London.DateOf(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void London_time_is_written_as_utc_london_and_zone()
    {
        var summer = JsonSerializer.Serialize(LondonTime.Of(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.FromHours(2))), Web);
        var winter = JsonSerializer.Serialize(LondonTime.Of(new DateTimeOffset(2026, 12, 3, 23, 19, 5, TimeSpan.Zero)), Web);

        Assert.Equal("""{"utc":"2026-07-01T08:00:00+00:00","london":"2026-07-01T09:00:00+01:00","zone":"BST"}""", summer);
        Assert.Equal("""{"utc":"2026-12-03T23:19:05+00:00","london":"2026-12-03T23:19:05+00:00","zone":"GMT"}""", winter);
    }

    [Fact]
    public void London_time_either_side_of_the_autumn_change_names_its_zone()
    {
        var lastBst = LondonTime.Of(new DateTimeOffset(2026, 10, 25, 0, 59, 59, TimeSpan.Zero));
        var firstGmt = LondonTime.Of(new DateTimeOffset(2026, 10, 25, 1, 0, 0, TimeSpan.Zero));

        Assert.Equal(("BST", TimeSpan.FromHours(1)), (lastBst.Zone, lastBst.London.Offset));
        Assert.Equal(("GMT", TimeSpan.Zero), (firstGmt.Zone, firstGmt.London.Offset));
        // The wall clock went back: the later instant reads earlier in London.
        Assert.True(firstGmt.London.DateTime < lastBst.London.DateTime);
    }

    [Fact]
    public void London_time_reads_back_from_its_json()
    {
        var written = LondonTime.Of(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero));

        var read = JsonSerializer.Deserialize<LondonTime>(JsonSerializer.Serialize(written, Web), Web);

        Assert.Equal(written, read);
        Assert.Equal("BST", read.Zone);
        Assert.Equal(TimeSpan.Zero, read.Utc.Offset);
    }
}
