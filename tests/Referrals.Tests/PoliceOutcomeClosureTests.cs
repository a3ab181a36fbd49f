using System.Net;
using System.Net.Http.Json;
using Support.Contracts.Cases;
using Support.Referrals.Domain.Cases;
using Support.Referrals.Features.Cases;
using Support.ServiceDefaults.Auth;
using static Support.Referrals.Tests.PoliceOutcomeRequests;

namespace Support.Referrals.Tests;

/// <summary>
/// REF-09 at closure: a case with a police outcome closes only after social care records its own risk assessment after
/// that outcome, and then only by a team manager with a rationale (REF-25).
/// </summary>
public sealed class PoliceOutcomeClosureTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private HttpClient Worker() => fixture.Host.ClientFor(Roles.SocialWorker, "sw-closure");
    private HttpClient Police() => fixture.Host.ClientFor(Roles.PoliceLiaison, "pc-closure");
    private HttpClient Manager() => fixture.Host.ClientFor(Roles.TeamManager, "tm-closure");

    private void Later() => fixture.Clock.Advance(TimeSpan.FromMinutes(10));

    private static async Task<List<CaseOpenItem>> OpenItemsAsync(HttpClient client, Guid caseId) =>
        (await client.GetFromJsonAsync<List<CaseOpenItem>>($"/api/referrals/cases/{caseId}/open-items", CaseRequests.Json))!;

    private static async Task<CaseStatus> StatusAsync(HttpClient client, Guid caseId) =>
        (await client.GetFromJsonAsync<CaseDetailResponse>($"/api/referrals/cases/{caseId}", CaseRequests.Json))!.Case.Status;

    [Fact]
    public async Task Closure_is_refused_with_the_police_outcome_item_until_a_risk_assessment_is_recorded_after_it_then_a_manager_closes_with_a_rationale()
    {
        using var worker = Worker();
        using var police = Police();
        using var manager = Manager();
        var person = await worker.RegisterChildAsync();
        var @case = await worker.OpenCaseAsync(person);
        // An assessment from before the outcome does not count: social care assesses what the police have since decided.
        await worker.AssessAsync(person, RiskRequests.Assessment(chosenLevel: "Medium"));
        Later();
        var outcome = (await police.RecordPoliceOutcomeAsync(person, Outcome(caseId: @case.Id))).Outcome;
        Later();

        using var refused = await manager.CloseAsync(@case.Id);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var item = Assert.Single((await refused.ProblemAsync()).GetProperty("openItems").EnumerateArray());
        Assert.Equal($"police-outcome:{outcome.Id}", item.GetProperty("key").GetString());
        Assert.Equal("PoliceOutcome", item.GetProperty("kind").GetString());
        Assert.True(item.GetProperty("blocksClosure").GetBoolean());
        var description = item.GetProperty("description").GetString()!;
        Assert.Contains("NoFurtherAction", description, StringComparison.Ordinal);
        Assert.Contains("2026-11-20", description, StringComparison.Ordinal);
        // A manager's decision on the item does not wave it through: the police outcome is not social care's decision.
        using var waved = await manager.CloseAsync(@case.Id, new { item = $"police-outcome:{outcome.Id}", decision = "Police took no further action." });
        Assert.Equal(HttpStatusCode.Conflict, waved.StatusCode);
        Assert.Equal(CaseStatus.Open, await StatusAsync(worker, @case.Id));
        Assert.Equal([$"police-outcome:{outcome.Id}"], (await OpenItemsAsync(worker, @case.Id)).Select(i => i.Key));

        Later();
        await worker.AssessAsync(person, RiskRequests.Assessment(chosenLevel: "Medium"));
        Assert.Empty(await OpenItemsAsync(worker, @case.Id));
        Later();
        using var closed = await manager.CloseAsync(@case.Id);

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var closure = await closed.ReadAsync<CloseCase.ClosureResponse>();
        Assert.Equal(CaseStatus.Closed, closure.Case.Status);
        Assert.Equal("tm-closure", closure.ApprovedBy);
        Assert.False(string.IsNullOrWhiteSpace(closure.Rationale));
        Assert.Single(await fixture.OutboxAsync<CaseClosed>(m => m.CaseId == @case.Id));
    }

    [Fact]
    public async Task An_assessment_recorded_in_the_police_liaison_role_is_not_social_cares_own_and_leaves_the_item_open()
    {
        using var worker = Worker();
        using var police = Police();
        var person = await worker.RegisterChildAsync();
        var @case = await worker.OpenCaseAsync(person);
        var outcome = (await police.RecordPoliceOutcomeAsync(person, Outcome("InsufficientEvidence"))).Outcome;
        Later();

        await police.AssessAsync(person, RiskRequests.Assessment(chosenLevel: "Low"));

        Assert.Equal([$"police-outcome:{outcome.Id}"], (await OpenItemsAsync(worker, @case.Id)).Select(i => i.Key));
        Later();
        await worker.AssessAsync(person, RiskRequests.Assessment(chosenLevel: "Low"));
        Assert.Empty(await OpenItemsAsync(worker, @case.Id));
    }

    [Fact]
    public async Task A_correction_takes_the_place_of_the_original_and_needs_a_risk_assessment_recorded_after_the_correction()
    {
        using var worker = Worker();
        using var police = Police();
        var person = await worker.RegisterChildAsync();
        var @case = await worker.OpenCaseAsync(person);
        var original = (await police.RecordPoliceOutcomeAsync(person, Outcome("NoFurtherAction", "2026-11-20"))).Outcome;
        Later();
        await worker.AssessAsync(person, RiskRequests.Assessment(chosenLevel: "Medium"));
        Assert.Empty(await OpenItemsAsync(worker, @case.Id));
        Later();

        var correction = (await police.RecordPoliceOutcomeAsync(person, Outcome("NoCharge", "2026-11-19",
            corrects: original.Id, correctionReason: "The police letter says no charge, on the 19th."))).Outcome;

        var item = Assert.Single(await OpenItemsAsync(worker, @case.Id));
        Assert.Equal($"police-outcome:{correction.Id}", item.Key);
        Assert.Contains("NoCharge on 2026-11-19", item.Description, StringComparison.Ordinal);
        Later();
        await worker.AssessAsync(person, RiskRequests.Assessment(chosenLevel: "Medium"));
        Assert.Empty(await OpenItemsAsync(worker, @case.Id));
    }

    [Fact]
    public async Task A_police_outcome_on_one_young_person_does_not_hold_open_another_young_persons_case()
    {
        using var worker = Worker();
        using var police = Police();
        using var manager = Manager();
        var person = await worker.RegisterChildAsync();
        var other = await worker.RegisterChildAsync();
        var othersCase = await worker.OpenCaseAsync(other);
        await worker.OpenCaseAsync(person);

        await police.RecordPoliceOutcomeAsync(person);
        Later();

        Assert.Empty(await OpenItemsAsync(worker, othersCase.Id));
        Assert.Equal(HttpStatusCode.OK, (await manager.CloseAsync(othersCase.Id)).StatusCode);
    }
}
