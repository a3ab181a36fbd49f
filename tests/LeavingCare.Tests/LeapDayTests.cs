using Microsoft.EntityFrameworkCore;
using Support.Contracts.LeavingCare;
using Support.LeavingCare.Domain;

namespace Support.LeavingCare.Tests;

/// <summary>Starts on 30 November 2025, 91 days before 1 March 2026.</summary>
public sealed class LeapDayFixture : LeavingCareFixture
{
    protected override DateTimeOffset Start => new(2025, 11, 30, 12, 0, 0, TimeSpan.Zero);
}

/// <summary>
/// Part I: born on 29 February 2008, a young person turns 18 on 1 March 2026 (a common year), so the 90-day handover
/// alert is due on 1 December 2025, not on 30 November (which 28 February would give). Then, on the birthday, nothing
/// closes: SupportContinuedPast18 is published once (LC-02).
/// </summary>
public sealed class LeapDayTests(LeapDayFixture fixture) : IClassFixture<LeapDayFixture>
{
    [Fact]
    public async Task A_leap_day_birthday_is_counted_from_1_March_in_a_common_year_and_support_continues_past_18_once()
    {
        var id = await fixture.RegisterAsync(new DateOnly(2008, 2, 29));
        await using (var db = fixture.CreateDbContext())
        {
            Assert.Equal(new DateOnly(2026, 3, 1), (await db.Pictures.SingleAsync(p => p.YoungPersonId == id)).EighteenthBirthday);
            Assert.False(await db.Alerts.AnyAsync(a => a.YoungPersonId == id), "no alert 91 days before 1 March");
        }

        fixture.Clock.Advance(TimeSpan.FromDays(1)); // 1 December 2025: 90 days before 1 March 2026
        await fixture.Job.RunOnceAsync(CancellationToken.None);
        var raised = Assert.Single(await fixture.OutboxAsync<HandoverAlertRaised>(e => e.YoungPersonId == id));
        Assert.Equal(new DateOnly(2026, 3, 1), raised.EighteenthBirthday);

        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 28, 12, 0, 0, TimeSpan.Zero));
        await fixture.Job.RunOnceAsync(CancellationToken.None);
        Assert.Empty(await fixture.OutboxAsync<SupportContinuedPast18>(e => e.YoungPersonId == id));

        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 1, 0, 30, 0, TimeSpan.Zero));
        await fixture.Job.RunOnceAsync(CancellationToken.None);
        await fixture.Job.RunOnceAsync(CancellationToken.None);
        var continued = Assert.Single(await fixture.OutboxAsync<SupportContinuedPast18>(e => e.YoungPersonId == id));
        Assert.Equal(new DateOnly(2026, 3, 1), continued.EighteenthBirthday);
        Assert.Equal(new DateOnly(2033, 3, 1), continued.SupportAvailableUntil);
        await using var after = fixture.CreateDbContext();
        Assert.Equal([AlertKinds.Escalated, AlertKinds.Handover],
            await after.Alerts.Where(a => a.YoungPersonId == id).OrderBy(a => a.Kind).Select(a => a.Kind).ToListAsync());
    }
}
