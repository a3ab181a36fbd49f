using System.Net;
using System.Net.Http.Json;
using Support.Referrals.Features.Referrals;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Tests;

/// <summary>
/// The manager's "due today" list (issue 14, journey 3): a deadline not yet passed that falls on today's London date.
/// Tested at the spring clock change, where the London day and the UTC day begin an hour apart.
/// </summary>
public sealed class DueTodayTests
{
    private static async Task<List<ReferralSummary>> ListAsync(HttpClient manager, string filter) =>
        (await manager.GetFromJsonAsync<List<ReferralSummary>>($"/api/referrals?{filter}", ReferralRequests.Json))!;

    [Fact]
    public async Task A_decision_due_at_10_BST_on_Monday_is_due_today_from_London_midnight_which_is_23_00_UTC_on_Sunday()
    {
        // Friday 27 March 2026 10:00 GMT: due Monday 30 March 09:00 UTC (10:00 BST, the clocks went forward on the 29th).
        await using var host = await ReferralsHostAt.StartAsync(new DateTimeOffset(2026, 3, 27, 10, 0, 0, TimeSpan.Zero));
        using var social = host.Host.ClientFor(Roles.SocialWorker);
        using var manager = host.Host.ClientFor(Roles.TeamManager);
        var person = await social.RegisterAsync(YoungPersonRequests.Valid("Due", "Today", "2011-01-01"));
        var referral = await social.ReferAsync(ReferralRequests.For(person.Id, host.Clock.GetUtcNow().AddHours(-2)));
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 9, 0, 0, TimeSpan.Zero), referral.DecisionDue.Utc);

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 29, 23, 0, 0, TimeSpan.Zero) - TimeSpan.FromTicks(1));
        Assert.DoesNotContain(await ListAsync(manager, "dueToday=true"), r => r.Id == referral.Id);

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 29, 23, 0, 0, TimeSpan.Zero));
        var row = Assert.Single(await ListAsync(manager, "dueToday=true"), r => r.Id == referral.Id);
        Assert.False(row.Overdue);
        Assert.Equal("BST", row.DecisionDue.Zone);
        Assert.DoesNotContain(await ListAsync(manager, "overdue=true"), r => r.Id == referral.Id);

        // PostgreSQL keeps microseconds: the first instant after the deadline that the database can tell apart.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 30, 9, 0, 0, TimeSpan.Zero) + TimeSpan.FromMicroseconds(1));
        Assert.DoesNotContain(await ListAsync(manager, "dueToday=true"), r => r.Id == referral.Id);
        Assert.Contains(await ListAsync(manager, "overdue=true"), r => r.Id == referral.Id);
    }

    [Fact]
    public async Task Due_today_lists_refuse_overdue_and_due_today_together_and_the_referral_list_is_for_managers_only()
    {
        await using var host = await ReferralsHostAt.StartAsync(new DateTimeOffset(2026, 1, 8, 10, 0, 0, TimeSpan.Zero));
        using var social = host.Host.ClientFor(Roles.SocialWorker);
        using var manager = host.Host.ClientFor(Roles.TeamManager);

        foreach (var path in new[]
        {
            "/api/referrals", "/api/referrals/risk-reviews", "/api/referrals/s47-pathways", "/api/referrals/strategy-actions",
        })
        {
            using var both = await manager.GetAsync($"{path}?overdue=true&dueToday=true");
            Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
            Assert.Contains("\"dueToday\"", await both.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var alone = await manager.GetAsync($"{path}?dueToday=true");
            Assert.Equal(HttpStatusCode.OK, alone.StatusCode);
        }
        using var refused = await social.GetAsync("/api/referrals?dueToday=true");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
