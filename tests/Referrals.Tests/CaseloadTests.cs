using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Contracts.Risk;
using Support.Referrals.Domain.Risk;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Tests;

/// <summary>
/// COM-08: "the CSE team suffers from excessive case loads". Each key worker's open cases weighted by risk, heaviest
/// first, over the threshold flagged for team managers; closed and unallocated cases count for nobody.
/// </summary>
public sealed class CaseloadTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private async Task<Guid> AllocatedCaseAsync(string keyWorker, RiskLevel? level)
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-caseload");
        var person = await worker.RegisterChildAsync();
        var @case = await worker.OpenCaseAsync(person);
        if (level is { } rated)
        {
            await using var db = fixture.CreateDbContext();
            db.CurrentRiskLevels.Add(CurrentRiskLevel.First(person, rated, new RiskRuleResult("test", rated, [], [], [], false), Guid.NewGuid(), fixture.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        if (keyWorker != "")
        {
            using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-caseload");
            (await manager.PostAsJsonAsync($"/api/referrals/cases/{@case.Id}/key-worker", new { keyWorker })).EnsureSuccessStatusCode();
        }
        return @case.Id;
    }

    [Fact]
    public async Task Each_key_workers_open_cases_are_weighted_by_risk_and_a_caseload_over_the_threshold_is_flagged()
    {
        var heavy = "sw-heavy-" + Guid.NewGuid().ToString("N")[..6];
        var light = "sw-light-" + Guid.NewGuid().ToString("N")[..6];
        // 8 VeryHigh (32) is over the default threshold of 30; one unrated case weighs as Medium.
        for (var i = 0; i < 8; i++)
        {
            await AllocatedCaseAsync(heavy, RiskLevel.VeryHigh);
        }
        await AllocatedCaseAsync(light, RiskLevel.Low);
        await AllocatedCaseAsync(light, null);
        var closed = await AllocatedCaseAsync(light, RiskLevel.High);
        await AllocatedCaseAsync("", RiskLevel.VeryHigh);
        using (var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-caseload"))
        {
            using var closing = await manager.CloseAsync(closed);
            Assert.True(closing.IsSuccessStatusCode, await closing.Content.ReadAsStringAsync());
        }

        using var reader = fixture.Host.ClientFor(Roles.TeamManager, "tm-caseload");
        var report = await reader.GetFromJsonAsync<JsonElement>("/api/referrals/cases/caseloads");

        Assert.Equal(30, report.GetProperty("weightedThreshold").GetInt32());
        var workers = report.GetProperty("workers").EnumerateArray().ToList();
        var heavyRow = workers.Single(w => w.GetProperty("keyWorker").GetString() == heavy);
        Assert.Equal((8, 8, 32, true), (heavyRow.GetProperty("openCases").GetInt32(), heavyRow.GetProperty("veryHigh").GetInt32(),
            heavyRow.GetProperty("weighted").GetInt32(), heavyRow.GetProperty("overThreshold").GetBoolean()));
        var lightRow = workers.Single(w => w.GetProperty("keyWorker").GetString() == light);
        Assert.Equal((2, 1, 1, 0, 3, false), (lightRow.GetProperty("openCases").GetInt32(), lightRow.GetProperty("low").GetInt32(),
            lightRow.GetProperty("notRated").GetInt32(), lightRow.GetProperty("high").GetInt32(), lightRow.GetProperty("weighted").GetInt32(),
            lightRow.GetProperty("overThreshold").GetBoolean()));
        // Heaviest first.
        Assert.True(workers.IndexOf(heavyRow) < workers.IndexOf(lightRow));
        var weights = workers.Select(w => w.GetProperty("weighted").GetInt32()).ToList();
        Assert.Equal(weights.OrderByDescending(w => w), weights);
    }

    [Fact]
    public async Task Caseloads_are_for_team_and_senior_managers_only()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-caseload-reader");
        using var commissioner = fixture.Host.ClientFor(Roles.Commissioner, "commissioner-caseload");
        using var senior = fixture.Host.ClientFor(Roles.SeniorManager, "sm-caseload");

        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/api/referrals/cases/caseloads")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync("/api/referrals/cases/caseloads")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await senior.GetAsync("/api/referrals/cases/caseloads")).StatusCode);
    }
}
