using System.Net;
using System.Net.Http.Json;
using Support.Contracts.Cases;
using Support.Referrals.Features.Cases;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Tests;

/// <summary>
/// REF-18 and REC-06. Imray §4.5: no evidence "that the testing of assessment hypotheses ever featured in any
/// supervision discussion"; Imray §4.6: notes "completed by someone other than the team manager. The reasons for this
/// were not recorded ... the status of the person giving supervision was not always clear". Moves the clock, so its own
/// class.
/// </summary>
public sealed class SupervisionTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private const string TeamManager = "tm-supervision";
    private HttpClient Manager(string user = TeamManager) => fixture.Host.ClientFor(Roles.TeamManager, user);

    private static object Entry(DateTimeOffset at, string? reason = null) => new
    {
        occurredAt = at,
        currentHypothesis = "She is being groomed by the older men at the takeaway, not 'out of control'.",
        alternativesConsidered = "Peer-on-peer only; family conflict. Neither explains the gifts and the cars.",
        hypothesisChallenged = true,
        discussion = "Strategy meeting within 24 hours; visit weekly.",
        socialWorkRegistered = true,
        notTeamManagerReason = reason,
    };

    private async Task<Guid> OpenCseCaseAsync()
    {
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-supervision");
        var person = await worker.RegisterChildAsync();
        return (await worker.OpenCaseAsync(person)).Id;
    }

    private async Task<List<SupervisionGaps.GapResponse>> GapsAsync(params Guid[] cases)
    {
        using var manager = Manager();
        var all = (await manager.GetFromJsonAsync<List<SupervisionGaps.GapResponse>>("/api/referrals/cases/supervision-gaps", CaseRequests.Json))!;
        return all.Where(g => cases.Contains(g.CaseId)).ToList();
    }

    [Fact]
    public async Task The_teams_manager_records_supervision_with_the_hypothesis_and_anyone_else_must_say_why_they_gave_it()
    {
        using (var manager = Manager())
        {
            (await manager.PostAsJsonAsync("/api/referrals/teams/CSE/manager", new { manager = TeamManager })).EnsureSuccessStatusCode();
        }
        var @case = await OpenCseCaseAsync();
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        var at = fixture.Clock.GetUtcNow().AddMinutes(-30);
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-supervision");
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync($"/api/referrals/cases/{@case}/supervision", Entry(at))).StatusCode);

        using (var missing = await Manager().PostAsJsonAsync($"/api/referrals/cases/{@case}/supervision", new { occurredAt = at }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            Assert.Equal(["alternativesConsidered", "currentHypothesis", "discussion", "hypothesisChallenged", "socialWorkRegistered"], (await missing.ErrorFieldsAsync()).Order());
        }
        using (var future = await Manager().PostAsJsonAsync($"/api/referrals/cases/{@case}/supervision", Entry(fixture.Clock.GetUtcNow().AddHours(1))))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
            Assert.Equal(["occurredAt"], await future.ErrorFieldsAsync());
        }

        using (var byManager = await Manager().PostAsJsonAsync($"/api/referrals/cases/{@case}/supervision", Entry(at)))
        {
            Assert.Equal(HttpStatusCode.Created, byManager.StatusCode);
            var entry = await byManager.ReadAsync<RecordSupervision.SupervisionResponse>();
            Assert.Equal((TeamManager, "TeamManager", true, true, (string?)null),
                (entry.Supervisor, entry.SupervisorRole, entry.SocialWorkRegistered, entry.HypothesisChallenged, entry.NotTeamManagerReason));
        }

        using var other = fixture.Host.ClientFor(Roles.SeniorManager, "sm-supervision");
        using (var unexplained = await other.PostAsJsonAsync($"/api/referrals/cases/{@case}/supervision", Entry(at)))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unexplained.StatusCode);
            Assert.Equal(["notTeamManagerReason"], await unexplained.ErrorFieldsAsync());
        }
        using (var explained = await other.PostAsJsonAsync($"/api/referrals/cases/{@case}/supervision", Entry(at.AddMinutes(10), "The team manager is on leave this week.")))
        {
            Assert.Equal(HttpStatusCode.Created, explained.StatusCode);
        }

        var entries = (await worker.GetFromJsonAsync<List<RecordSupervision.SupervisionResponse>>($"/api/referrals/cases/{@case}/supervision", CaseRequests.Json))!;
        Assert.Equal([("sm-supervision", "The team manager is on leave this week."), (TeamManager, null)], entries.Select(e => (e.Supervisor, e.NotTeamManagerReason)));
        var announced = await fixture.OutboxAsync<CaseSupervisionRecorded>(m => m.CaseId == @case);
        Assert.Equal(["SeniorManager", "TeamManager"], announced.Select(m => m.SupervisorRole).Order());
    }

    [Fact]
    public async Task An_open_cse_case_without_supervision_for_more_than_four_weeks_is_listed_with_how_often_it_has_been_supervised()
    {
        var @case = await OpenCseCaseAsync();
        var opened = fixture.Clock.GetUtcNow();

        fixture.Clock.SetUtcNow(opened.AddDays(28));
        Assert.Empty(await GapsAsync(@case)); // exactly four weeks: not yet past
        fixture.Clock.SetUtcNow(opened.AddDays(28).AddSeconds(1));
        var gap = Assert.Single(await GapsAsync(@case));
        Assert.Equal((0, (DateTimeOffset?)null, opened.AddDays(28)), (gap.SupervisionCount, gap.LastSupervisedAt?.Utc, gap.DueAt.Utc));

        var supervised = opened.AddDays(29);
        fixture.Clock.SetUtcNow(supervised.AddHours(1));
        using (var recorded = await Manager("sm-gap").PostAsJsonAsync($"/api/referrals/cases/{@case}/supervision", Entry(supervised, "Cover for the team manager.")))
        {
            Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        }
        Assert.Empty(await GapsAsync(@case));
        fixture.Clock.SetUtcNow(supervised.AddDays(28).AddSeconds(1));
        gap = Assert.Single(await GapsAsync(@case));
        Assert.Equal((1, (DateTimeOffset?)supervised), (gap.SupervisionCount, gap.LastSupervisedAt?.Utc));
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-supervision");
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/api/referrals/cases/supervision-gaps")).StatusCode);
    }
}
