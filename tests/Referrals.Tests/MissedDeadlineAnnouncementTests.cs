using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Contracts.Referrals;
using Support.Referrals.Features.S47Pathways;
using Support.Referrals.Features.StrategyMeetings;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>
/// Missed deadlines are visible, never hidden: a missed s47 stage deadline (REF-10, REF-28) and an overdue strategy
/// action (REF-11) are announced on the bus once each, not only listed.
/// </summary>
public sealed class MissedDeadlineAnnouncementTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private T Job<T>() where T : notnull => fixture.Host.Services.GetRequiredService<T>();

    [Fact]
    public async Task A_missed_s47_deadline_is_announced_once_and_the_next_stage_deadline_is_announced_again()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var child = await worker.RegisteredChildAsync("Overdue");
        var pathway = await worker.StartPathwayAsync(child);
        var job = Job<S47StageOverdueJob>();

        fixture.MoveClockTo(pathway.DueAt!.Value.Utc);
        await job.RunOnceAsync(CancellationToken.None);
        Assert.Empty(await AnnouncedAsync(pathway.Id));

        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => job.RunOnceAsync(CancellationToken.None)));
        // The hosted job also runs on the clock's tick and may hold the claim while the passes above skip it.
        await WaitForAsync<S47StageOverdue>(m => m.PathwayId == pathway.Id);
        // Commencing enquiries keeps the strategy deadline (it runs from reasonable cause): still one announcement.
        await worker.MovedAsync(pathway.Id, "EnquiriesCommenced");
        await job.RunOnceAsync(CancellationToken.None);
        var first = Assert.Single(await AnnouncedAsync(pathway.Id));
        Assert.Equal((S47Stage.ReasonableCause, pathway.DueAt.Value.Utc, child, false), (first.Stage, first.DueAt, first.YoungPersonId, first.VeryHigh));

        // The strategy meeting starts the conference clock: missing that deadline is a second, separate announcement.
        var held = await worker.MovedAsync(pathway.Id, "StrategyMeetingHeld");
        fixture.MoveClockTo(held.DueAt!.Value.Utc.AddMinutes(1));
        await job.RunOnceAsync(CancellationToken.None);
        await WaitForAsync<S47StageOverdue>(m => m.PathwayId == pathway.Id && m.Stage == S47Stage.StrategyMeetingHeld);
        await job.RunOnceAsync(CancellationToken.None);
        var announced = await AnnouncedAsync(pathway.Id);
        Assert.Equal([S47Stage.ReasonableCause, S47Stage.StrategyMeetingHeld], announced.Select(a => a.Stage));
        Assert.Equal(held.DueAt.Value.Utc, announced[1].DueAt);
    }

    [Fact]
    public async Task An_action_not_done_by_its_due_time_is_announced_once_and_one_done_in_time_never()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var heldAt = fixture.Clock.GetUtcNow().AddHours(-1);
        var late = Assert.Single((await worker.FinalisedMeetingAsync(StrategyRequests.CompleteMeeting([await worker.RegisteredChildAsync("Late")], heldAt))).Actions);
        var done = Assert.Single((await worker.FinalisedMeetingAsync(StrategyRequests.CompleteMeeting([await worker.RegisteredChildAsync("Done")], heldAt))).Actions);
        using (var completed = await worker.PostAsJsonAsync($"/api/referrals/strategy-actions/{done.Id}/complete", new { note = "Visited at school." }))
        {
            Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        }
        var job = Job<StrategyActionOverdueJob>();

        fixture.MoveClockTo(late.DueAt.Utc);
        await job.RunOnceAsync(CancellationToken.None);
        await using (var before = fixture.CreateDbContext())
        {
            Assert.Empty(await before.OutboxAsync<StrategyActionOverdue>(m => m.ActionId == late.Id));
        }
        fixture.MoveClockTo(late.DueAt.Utc.AddMinutes(1));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => job.RunOnceAsync(CancellationToken.None)));
        // The hosted job also runs on the clock's tick and may hold the claim while the passes above skip it.
        await WaitForAsync<StrategyActionOverdue>(m => m.ActionId == late.Id);
        await job.RunOnceAsync(CancellationToken.None);

        await using var db = fixture.CreateDbContext();
        var announced = Assert.Single(await db.OutboxAsync<StrategyActionOverdue>(m => m.ActionId == late.Id));
        Assert.Equal((late.MeetingId, late.YoungPersonId, late.DueAt.Utc), (announced.MeetingId, announced.YoungPersonId, announced.DueAt));
        Assert.Empty(await db.OutboxAsync<StrategyActionOverdue>(m => m.ActionId == done.Id));
        // The action row itself is unchanged; the announcement is its own row.
        Assert.True(await db.StrategyActionOverdueNotices.AnyAsync(n => n.ActionId == late.Id));
        Assert.Equal(late.Description, (await db.StrategyActions.SingleAsync(a => a.Id == late.Id)).Description);
    }

    private Task WaitForAsync<T>(Func<T, bool> announced) where T : class =>
        Eventually.TrueAsync(async () =>
        {
            await using var db = fixture.CreateDbContext();
            return (await db.OutboxAsync(announced)).Count > 0;
        }, because: $"a {typeof(T).Name} in the outbox");

    private async Task<List<S47StageOverdue>> AnnouncedAsync(Guid pathwayId)
    {
        await using var db = fixture.CreateDbContext();
        return [.. (await db.OutboxAsync<S47StageOverdue>(m => m.PathwayId == pathwayId)).OrderBy(m => m.DueAt)];
    }
}
