using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Contracts.Missing;
using Support.Missing.Features.ReturnInterviews;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Time;
using Support.Testing;

namespace Support.Missing.Tests.Api;

/// <summary>MIS-02: a breached 72-hour deadline is shown and announced, once, and never for a finished interview.</summary>
public sealed class OverdueInterviewTests(MissingFixture fixture) : IClassFixture<MissingFixture>
{
    private async Task<(Guid Interview, DateTimeOffset ReturnedAt)> ReturnedAsync()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var episode = await worker.ReportAsync(MissingRequests.Report(await fixture.KnownYoungPersonAsync(name: "Jo Overdue"), fixture.Now.AddHours(-6)));
        var returnedAt = fixture.Now;
        var returned = await worker.ReturnAsync(episode.Id, MissingRequests.Return(returnedAt));
        return (returned.ReturnInterview!.Id, returnedAt);
    }

    private async Task<List<OpenInterviewResponse>> OverdueListAsync()
    {
        using var manager = fixture.Host.ClientFor(Roles.TeamManager);
        return (await manager.GetFromJsonAsync<List<OpenInterviewResponse>>("/api/missing/return-interviews?overdue=true", MissingFixture.Json))!;
    }

    private ReturnInterviewOverdueJob Job => fixture.Host.Services.GetRequiredService<ReturnInterviewOverdueJob>();

    [Fact]
    public async Task An_interview_is_not_overdue_one_tick_before_72_hours_and_is_overdue_at_72_hours()
    {
        var (id, returnedAt) = await ReturnedAsync();

        fixture.Clock.SetUtcNow(returnedAt + TimeSpan.FromHours(72) - TimeSpan.FromTicks(1));
        Assert.DoesNotContain(await OverdueListAsync(), i => i.Id == id);
        await Job.RunOnceAsync(CancellationToken.None);
        Assert.Empty(await fixture.OutboxAsync<ReturnInterviewOverdue>(m => m.InterviewId == id));

        fixture.Clock.Advance(TimeSpan.FromTicks(1));
        var row = Assert.Single(await OverdueListAsync(), i => i.Id == id);
        Assert.Single(await DeadlinePasses.AnnouncedAsync(Job.RunOnceAsync,
            () => fixture.OutboxAsync<ReturnInterviewOverdue>(m => m.InterviewId == id), 1, "the overdue interview to be announced"));
        Assert.True(row.IsOverdue);
        Assert.Equal(TimeSpan.Zero, row.OverdueBy);
        Assert.Equal(returnedAt.AddHours(72), row.DueAt.Utc);
        Assert.Equal("Jo Overdue", row.YoungPersonName);
    }

    [Fact]
    public async Task The_overdue_list_shows_the_due_time_in_utc_and_uk_time_and_how_late_it_is()
    {
        var (id, returnedAt) = await ReturnedAsync();

        fixture.Clock.SetUtcNow(returnedAt + TimeSpan.FromHours(72 + 26) + TimeSpan.FromMinutes(15));

        var row = Assert.Single(await OverdueListAsync(), i => i.Id == id);
        Assert.Equal(returnedAt.AddHours(72), row.DueAt.Utc);
        Assert.Equal(TimeSpan.Zero, row.DueAt.Utc.Offset);
        Assert.Equal((row.DueAt.Utc, TimeSpan.Zero, "GMT"), (row.DueAt.London, row.DueAt.London.Offset, row.DueAt.Zone));
        Assert.Equal(TimeSpan.FromHours(26) + TimeSpan.FromMinutes(15), row.OverdueBy);
        Assert.Equal(26, row.OverdueByHours);
        using var manager = fixture.Host.ClientFor(Roles.TeamManager);
        var inTime = await manager.GetFromJsonAsync<List<OpenInterviewResponse>>("/api/missing/return-interviews?overdue=false", MissingFixture.Json);
        Assert.DoesNotContain(inTime!, i => i.Id == id);
        var all = await manager.GetFromJsonAsync<List<OpenInterviewResponse>>("/api/missing/return-interviews", MissingFixture.Json);
        Assert.Contains(all!, i => i.Id == id);
    }

    [Fact]
    public async Task An_interview_is_due_today_from_the_start_of_its_London_day_until_its_deadline_then_only_overdue()
    {
        var (id, returnedAt) = await ReturnedAsync();
        var due = returnedAt.AddHours(72);
        var startOfDueDay = London.StartOf(London.DateOf(due));
        using var manager = fixture.Host.ClientFor(Roles.TeamManager);
        async Task<List<OpenInterviewResponse>> DueTodayAsync() =>
            (await manager.GetFromJsonAsync<List<OpenInterviewResponse>>("/api/missing/return-interviews?dueToday=true", MissingFixture.Json))!;

        fixture.Clock.SetUtcNow(startOfDueDay - TimeSpan.FromTicks(1));
        Assert.DoesNotContain(await DueTodayAsync(), i => i.Id == id);

        fixture.Clock.SetUtcNow(startOfDueDay);
        var row = Assert.Single(await DueTodayAsync(), i => i.Id == id);
        Assert.False(row.IsOverdue);
        Assert.Equal(due, row.DueAt.Utc);

        fixture.Clock.SetUtcNow(due);
        Assert.DoesNotContain(await DueTodayAsync(), i => i.Id == id);
        Assert.Contains(await OverdueListAsync(), i => i.Id == id);

        using var both = await manager.GetAsync("/api/missing/return-interviews?overdue=true&dueToday=true");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Contains("dueToday", await both.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overdue_job_announces_each_overdue_interview_exactly_once()
    {
        var (id, returnedAt) = await ReturnedAsync();
        var (finishedId, _) = await ReturnedAsync();
        using var manager = fixture.Host.ClientFor(Roles.TeamManager);
        await manager.InterviewActionAsync(finishedId, "not-completed", new { reason = "Young person in hospital" });

        // The job runs by itself when its clock moves past the deadline...
        fixture.Clock.SetUtcNow(returnedAt + TimeSpan.FromHours(73));
        await Eventually.TrueAsync(async () => (await fixture.OutboxAsync<ReturnInterviewOverdue>(m => m.InterviewId == id)).Count > 0,
            because: "the overdue job to run on the clock's tick");
        // ...and however often it runs again, or runs concurrently, the interview is announced once.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Job.RunOnceAsync(CancellationToken.None)));
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        await Job.RunOnceAsync(CancellationToken.None);

        var announced = Assert.Single(await fixture.OutboxAsync<ReturnInterviewOverdue>(m => m.InterviewId == id));
        Assert.Equal(returnedAt.AddHours(72), announced.DueAt);
        Assert.Empty(await fixture.OutboxAsync<ReturnInterviewOverdue>(m => m.InterviewId == finishedId));
        Assert.DoesNotContain(await OverdueListAsync(), i => i.Id == finishedId);
        await using var db = fixture.CreateDbContext();
        var stored = await db.ReturnInterviews.SingleAsync(i => i.Id == id);
        Assert.NotNull(stored.OverdueNotifiedAt);
        // Being announced overdue does not end the interview: it can still be completed, late.
        using var rhi = fixture.Host.ClientFor(Roles.RhiWorker);
        await rhi.InterviewActionAsync(id, "offer", new { offeredAt = fixture.Now });
        var completed = await rhi.InterviewActionAsync(id, "complete", MissingRequests.Findings(fixture.Now, "Consent", disclosureMade: false));
        Assert.Contains(completed.History, s => s.Step == "Overdue");
        Assert.DoesNotContain(await OverdueListAsync(), i => i.Id == id);
    }
}
