using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Support.Contracts.Referrals;
using Support.Referrals.Features.OnCall;
using Support.Referrals.Features.S47Pathways;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>
/// REF-28: a protective deadline breached out of office hours goes to the manager on call, and the record says so when
/// nobody was on the rota. Each test has its own host, because the clock must start on a chosen weekday.
/// </summary>
public sealed class OnCallRoutingTests
{
    // Thursday 8 January 2026, 10:00 GMT.
    private static readonly DateTimeOffset Thursday = new(2026, 1, 8, 10, 0, 0, TimeSpan.Zero);

    private static Task<HttpResponseMessage> RecordShiftAsync(HttpClient client, string? managerId, DateTimeOffset? startsAt, DateTimeOffset? endsAt) =>
        client.PostAsJsonAsync("/api/referrals/on-call-shifts", new { managerId, startsAt, endsAt });

    [Fact]
    public async Task A_breach_out_of_hours_is_routed_to_the_manager_on_call_and_one_in_hours_is_not()
    {
        await using var host = await ReferralsHostAt.StartAsync(Thursday);
        using var worker = host.Host.ClientFor(Roles.SocialWorker);
        using var manager = host.Host.ClientFor(Roles.SeniorManager, "sm-rota");
        var inHours = await worker.StartPathwayAsync(await worker.RegisteredChildAsync("InHours"));
        host.Clock.SetUtcNow(Thursday.AddHours(8));
        var evening = await worker.StartPathwayAsync(await worker.RegisteredChildAsync("Evening"));
        // On call from Friday 17:00 to Monday 09:00.
        using (var shift = await RecordShiftAsync(manager, "oncall-dana", Thursday.AddDays(1).AddHours(7), Thursday.AddDays(4).AddHours(-1)))
        {
            Assert.Equal(HttpStatusCode.Created, shift.StatusCode);
        }
        var job = host.Host.Services.GetRequiredService<S47StageOverdueJob>();

        // Friday 10:05: the first pathway's deadline passed in office hours.
        host.Clock.SetUtcNow(inHours.DueAt!.Value.Utc.AddMinutes(5));
        var first = await AnnouncedAsync(host, job, inHours.Id);
        // Friday 18:05: the second one's passed after the office closed.
        host.Clock.SetUtcNow(evening.DueAt!.Value.Utc.AddMinutes(5));
        var second = await AnnouncedAsync(host, job, evening.Id);
        // A third, started then, is due on Monday 18:05, when the weekend shift has ended and nobody is on call.
        var unrostered = await worker.StartPathwayAsync(await worker.RegisteredChildAsync("Unrostered"));
        host.Clock.SetUtcNow(unrostered.DueAt!.Value.Utc.AddMinutes(5));
        var third = await AnnouncedAsync(host, job, unrostered.Id);

        Assert.Equal((false, (string?)null), (first.OutOfHours, first.OnCallManager));
        Assert.Equal((true, (string?)"oncall-dana"), (second.OutOfHours, second.OnCallManager));
        Assert.Equal((true, (string?)null), (third.OutOfHours, third.OnCallManager));
    }

    /// <summary>
    /// Runs a pass and waits for the pathway's announcement: the hosted job also runs on the clock's tick and may hold
    /// the claim while this pass skips it.
    /// </summary>
    private static async Task<S47StageOverdue> AnnouncedAsync(ReferralsHostAt host, S47StageOverdueJob job, Guid pathwayId)
    {
        await job.RunOnceAsync(CancellationToken.None);
        return await Eventually.GetAsync(async () =>
        {
            await using var db = host.CreateDbContext();
            return (await db.OutboxAsync<S47StageOverdue>(m => m.PathwayId == pathwayId)).SingleOrDefault();
        }, because: "the pathway's S47StageOverdue");
    }

    [Fact]
    public async Task The_rota_answers_who_is_on_call_with_the_last_recorded_shift_winning_where_shifts_overlap()
    {
        await using var host = await ReferralsHostAt.StartAsync(Thursday);
        using var manager = host.Host.ClientFor(Roles.TeamManager, "tm-rota");
        var saturdayNoon = Thursday.AddDays(2).AddHours(2);
        (await RecordShiftAsync(manager, "oncall-first", Thursday.AddDays(1).AddHours(7), Thursday.AddDays(4).AddHours(-1))).Dispose();
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        // The first manager is ill: cover for Saturday only, recorded later, wins for Saturday.
        (await RecordShiftAsync(manager, "oncall-cover", Thursday.AddDays(2).AddHours(-10), Thursday.AddDays(3).AddHours(-10))).Dispose();
        using var worker = host.Host.ClientFor(Roles.SocialWorker);

        var saturday = await worker.GetFromJsonAsync<OnCallNowResponse>(
            $"/api/referrals/on-call-shifts?at={Uri.EscapeDataString(saturdayNoon.ToString("O"))}", ReferralRequests.Json);
        var sunday = await worker.GetFromJsonAsync<OnCallNowResponse>(
            $"/api/referrals/on-call-shifts?at={Uri.EscapeDataString(saturdayNoon.AddDays(1).ToString("O"))}", ReferralRequests.Json);
        var now = await worker.GetFromJsonAsync<OnCallNowResponse>("/api/referrals/on-call-shifts", ReferralRequests.Json);

        Assert.Equal((true, "oncall-cover"), (saturday!.OutOfHours, saturday.OnCall!.ManagerId));
        Assert.Equal("oncall-first", sunday!.OnCall!.ManagerId);
        Assert.Equal((false, (ShiftResponse?)null), (now!.OutOfHours, now.OnCall));
    }

    [Theory]
    // New Year's Day 2020 and 2031 (bank holidays) and ordinary Wednesdays in 2020 and 2030: years the old holiday
    // table (2025-2028) did not cover, which answered 500.
    [InlineData("2020-01-01T12:00:00Z", true)]
    [InlineData("2020-01-08T12:00:00Z", false)]
    [InlineData("2030-01-02T12:00:00Z", false)]
    [InlineData("2031-01-01T12:00:00Z", true)]
    public async Task Who_is_on_call_is_answered_for_an_instant_in_any_year(string at, bool outOfHours)
    {
        await using var host = await ReferralsHostAt.StartAsync(Thursday);
        using var worker = host.Host.ClientFor(Roles.SocialWorker);

        using var response = await worker.GetAsync($"/api/referrals/on-call-shifts?at={Uri.EscapeDataString(at)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<OnCallNowResponse>(ReferralRequests.Json);
        Assert.Equal((outOfHours, (ShiftResponse?)null), (answer!.OutOfHours, answer.OnCall));
    }

    [Fact]
    public async Task A_shift_needs_a_manager_and_a_period_of_at_most_a_week_ending_after_it_starts_and_only_managers_set_it()
    {
        await using var host = await ReferralsHostAt.StartAsync(Thursday);
        using var manager = host.Host.ClientFor(Roles.TeamManager);

        using var missing = await RecordShiftAsync(manager, null, Thursday, null);
        using var backwards = await RecordShiftAsync(manager, "oncall-x", Thursday.AddHours(8), Thursday.AddHours(7));
        using var tooLong = await RecordShiftAsync(manager, "oncall-x", Thursday, Thursday.AddDays(7).AddMinutes(1));
        using var ended = await RecordShiftAsync(manager, "oncall-x", Thursday.AddDays(-2), Thursday.AddDays(-1));
        using var bySocialWorker = await RecordShiftAsync(host.Host.ClientFor(Roles.SocialWorker), "oncall-x", Thursday, Thursday.AddHours(8));
        using var byCommissioner = host.Host.ClientFor(Roles.Commissioner);

        Assert.Equal(["endsAt", "managerId"], (await missing.ErrorFieldsAsync()).Order());
        Assert.Equal(["endsAt"], await backwards.ErrorFieldsAsync());
        Assert.Equal(["endsAt"], await tooLong.ErrorFieldsAsync());
        Assert.Equal(["endsAt"], await ended.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Forbidden, bySocialWorker.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await byCommissioner.GetAsync("/api/referrals/on-call-shifts")).StatusCode);
    }
}
