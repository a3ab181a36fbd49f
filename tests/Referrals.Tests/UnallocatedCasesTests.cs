using System.Net;
using System.Net.Http.Json;
using Support.Contracts.Risk;
using Support.ServiceDefaults.Time;
using Support.Referrals.Domain.Risk;
using Support.Referrals.Features.Cases;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>
/// REF-23: "Child E was unallocated for over six months". Team managers see every open case without a key worker, how
/// long it has waited, highest risk first, and a High or VeryHigh case unallocated for more than 1 working day is flagged.
/// </summary>
public sealed class UnallocatedCasesTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private const string Path = "/api/referrals/cases?unallocated=true";

    private async Task<Guid> OpenCaseAsync(RiskLevel? level)
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-unallocated");
        var person = await worker.RegisterChildAsync();
        var @case = await worker.OpenCaseAsync(person);
        if (level is { } set)
        {
            await using var db = fixture.CreateDbContext();
            db.CurrentRiskLevels.Add(CurrentRiskLevel.First(person, set, new RiskRuleResult("test", set, [], [], [], false), Guid.NewGuid(), fixture.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        return @case.Id;
    }

    private async Task<List<ListCases.UnallocatedCaseResponse>> UnallocatedAsync(IReadOnlyCollection<Guid> ids)
    {
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-unallocated");
        var all = (await manager.GetFromJsonAsync<List<ListCases.UnallocatedCaseResponse>>(Path, CaseRequests.Json))!;
        return all.Where(c => ids.Contains(c.Id)).ToList();
    }

    [Fact]
    public async Task Unallocated_open_cases_are_listed_highest_risk_first_with_the_days_each_has_waited()
    {
        var medium = await OpenCaseAsync(RiskLevel.Medium);
        var unrated = await OpenCaseAsync(null);
        var veryHigh = await OpenCaseAsync(RiskLevel.VeryHigh);
        var high = await OpenCaseAsync(RiskLevel.High);
        var allocated = await OpenCaseAsync(RiskLevel.VeryHigh);
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-unallocated");
        (await manager.PostAsJsonAsync($"/api/referrals/cases/{allocated}/key-worker", new { keyWorker = "sw-kw" })).EnsureSuccessStatusCode();
        fixture.Clock.Advance(TimeSpan.FromDays(3).Add(TimeSpan.FromHours(2)));

        var list = await UnallocatedAsync([medium, unrated, veryHigh, high, allocated]);

        Assert.Equal([veryHigh, high, medium, unrated], list.Select(c => c.Id));
        Assert.Equal([RiskLevel.VeryHigh, RiskLevel.High, RiskLevel.Medium, null], list.Select(c => c.RiskLevel));
        Assert.All(list, c => Assert.Equal(3, c.UnallocatedDays));
        Assert.All(list.Where(c => c.RiskLevel is RiskLevel.High or RiskLevel.VeryHigh), c => Assert.True(c.Escalated));
        Assert.All(list.Where(c => c.RiskLevel is not (RiskLevel.High or RiskLevel.VeryHigh)), c => Assert.False(c.Escalated));
    }

    [Fact]
    public async Task A_high_risk_case_opened_on_a_Friday_evening_is_flagged_only_after_Monday_evening()
    {
        // The next Friday at 17:00 (GMT in late autumn, so London time too).
        var today = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);
        var daysToFriday = ((int)DayOfWeek.Friday - (int)today.DayOfWeek + 7) % 7;
        var friday = today.AddDays(daysToFriday == 0 ? 7 : daysToFriday);
        var fridayEvening = new DateTimeOffset(friday.ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero);
        fixture.Clock.SetUtcNow(fridayEvening);
        var high = await OpenCaseAsync(RiskLevel.High);
        var medium = await OpenCaseAsync(RiskLevel.Medium);
        var mondayEvening = fridayEvening.AddDays(3);

        fixture.Clock.SetUtcNow(mondayEvening.AddMinutes(-1));
        var beforeMonday = await UnallocatedAsync([high, medium]);
        var highBefore = Assert.Single(beforeMonday, c => c.Id == high);
        Assert.False(highBefore.Escalated);
        Assert.Equal(mondayEvening, highBefore.EscalatesAt?.Utc);
        Assert.Equal($"{friday.AddDays(3):yyyy-MM-dd} 17:00 +00:00 GMT", highBefore.EscalatesAt.Shown());
        Assert.Equal(2, highBefore.UnallocatedDays);

        fixture.Clock.SetUtcNow(mondayEvening.AddMinutes(1));
        var afterMonday = await UnallocatedAsync([high, medium]);
        Assert.True(Assert.Single(afterMonday, c => c.Id == high).Escalated);
        var mediumAfter = Assert.Single(afterMonday, c => c.Id == medium);
        Assert.False(mediumAfter.Escalated);
        Assert.Null(mediumAfter.EscalatesAt);
    }

    [Fact]
    public async Task Only_managers_see_the_unallocated_report()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-curious");
        using var commissioner = fixture.Host.ClientFor(Roles.Commissioner, "comm");

        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync(Path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync(Path)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await worker.GetAsync("/api/referrals/cases")).StatusCode);
    }

    [Fact]
    public async Task An_allocation_ended_without_a_successor_puts_the_case_on_the_list_from_that_moment_and_a_high_risk_one_escalates_a_working_day_later()
    {
        var high = await OpenCaseAsync(RiskLevel.High);
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-unallocated");
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-unallocated");
        (await manager.PostAsJsonAsync($"/api/referrals/cases/{high}/key-worker", new { keyWorker = "sw-leaving" })).EnsureSuccessStatusCode();
        fixture.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Empty(await UnallocatedAsync([high]));

        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync($"/api/referrals/cases/{high}/key-worker/end", new { reason = "Left the council" })).StatusCode);
        using var noReason = await manager.PostAsJsonAsync($"/api/referrals/cases/{high}/key-worker/end", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var endedAt = fixture.Clock.GetUtcNow();
        using var ended = await manager.PostAsJsonAsync($"/api/referrals/cases/{high}/key-worker/end", new { reason = "Left the council; cover being arranged" });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        var @case = await ended.ReadAsync<CaseResponse>();
        Assert.Equal((null, endedAt), (@case.KeyWorker, @case.UnallocatedSince?.Utc));
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsJsonAsync($"/api/referrals/cases/{high}/key-worker/end", new { reason = "again" })).StatusCode);
        var announced = Assert.Single(await fixture.OutboxAsync<Support.Contracts.Cases.KeyWorkerAllocationEnded>(m => m.CaseId == high));
        Assert.Equal(("sw-leaving", "tm-unallocated"), (announced.KeyWorker, announced.RecordedBy));

        // Counted from the end of the allocation, not from the case's opening ten days earlier.
        var listed = Assert.Single(await UnallocatedAsync([high]));
        Assert.Equal((endedAt, 0, false), (listed.UnallocatedSince.Utc, listed.UnallocatedDays, listed.Escalated));
        Assert.Equal(WorkingDays.Add(endedAt, ListCases.HighRiskUnallocatedWorkingDays), listed.EscalatesAt?.Utc);
        fixture.Clock.SetUtcNow(listed.EscalatesAt!.Value.Utc.AddSeconds(1));
        Assert.True(Assert.Single(await UnallocatedAsync([high])).Escalated);

        // The history says who held the case until when; the vacancy is no one's period.
        var history = (await manager.GetFromJsonAsync<GetAllocations.AllocationsResponse>($"/api/referrals/cases/{high}/allocations", CaseRequests.Json))!;
        var held = Assert.Single(history.KeyWorkers);
        Assert.Equal(("sw-leaving", endedAt), (held.Holder, held.ValidTo?.Utc));

        (await manager.PostAsJsonAsync($"/api/referrals/cases/{high}/key-worker", new { keyWorker = "sw-cover" })).EnsureSuccessStatusCode();
        Assert.Empty(await UnallocatedAsync([high]));
    }
}

