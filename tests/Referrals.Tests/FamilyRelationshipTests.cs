using System.Net;
using System.Net.Http.Json;
using Support.Contracts.Risk;
using Support.Referrals.Domain;
using Support.Referrals.Domain.Risk;
using Support.Referrals.Features.YoungPeople;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Tests;

/// <summary>
/// REF-19 and REF-14: Casey-U's "sister has a CSE history"; Child S's sibling "had a long history of involvement with
/// services and agencies ... in relation to CSE". Siblings and household members are in the registry, and a sibling's
/// CSE history counts in the suggested risk level of the child (<c>SiblingWithCseHistory</c>).
/// </summary>
public sealed class FamilyRelationshipTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private HttpClient Worker() => fixture.Host.ClientFor(Roles.SocialWorker, "sw-family");

    private async Task SetLevelAsync(Guid person, RiskLevel level)
    {
        await using var db = fixture.CreateDbContext();
        db.CurrentRiskLevels.Add(CurrentRiskLevel.First(person, level, new RiskRuleResult("test", level, [], [], [], false), Guid.NewGuid(), fixture.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
    }

    private static object TwoOtherIndicators(string chosenLevel = "Low") => RiskRequests.Assessment(chosenLevel: chosenLevel, indicators: ["SchoolAbsence", "GoingOutALot"]);

    [Fact]
    public async Task A_siblings_cse_history_counts_in_the_suggested_level_so_a_low_rating_needs_a_rationale()
    {
        using var worker = Worker();
        var child = await worker.RegisterChildAsync("2012-04-04");
        var sister = await worker.RegisterChildAsync("2009-09-09");
        var cousin = await worker.RegisterChildAsync("2010-10-10");
        await SetLevelAsync(sister, RiskLevel.High);
        await SetLevelAsync(cousin, RiskLevel.Low);

        // Not yet linked: two other indicators suggest Low.
        Assert.Equal(RiskLevel.Low, (await worker.AssessAsync(child, TwoOtherIndicators())).SuggestedLevel);

        // A household member rated Low is not a CSE history.
        using (var household = await worker.PostAsJsonAsync($"/api/referrals/young-people/{child}/relationships", new { relatedYoungPersonId = cousin, kind = "Household" }))
        {
            Assert.Equal(HttpStatusCode.Created, household.StatusCode);
            Assert.False((await household.ReadAsync<FamilyRelationships.RelationshipResponse>()).RelatedHasCseHistory);
        }
        Assert.Equal(RiskLevel.Low, (await worker.AssessAsync(child, TwoOtherIndicators())).SuggestedLevel);

        using (var sibling = await worker.PostAsJsonAsync($"/api/referrals/young-people/{sister}/relationships", new { relatedYoungPersonId = child, kind = "Sibling" }))
        {
            Assert.Equal(HttpStatusCode.Created, sibling.StatusCode);
        }
        using (var again = await worker.PostAsJsonAsync($"/api/referrals/young-people/{child}/relationships", new { relatedYoungPersonId = sister, kind = "HalfSibling" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }
        using (var noRationale = await worker.PostAssessmentAsync(child, TwoOtherIndicators()))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, noRationale.StatusCode);
            Assert.Equal(["rationale"], await noRationale.ErrorFieldsAsync());
        }
        var rated = await worker.AssessAsync(child, TwoOtherIndicators(chosenLevel: "Medium"));
        Assert.Equal(RiskLevel.Medium, rated.SuggestedLevel);
        Assert.Equal([RiskIndicator.SiblingWithCseHistory], rated.IndicatorsFromRecord);

        // Read from the child's side, with the sister's level.
        var relationships = (await worker.GetFromJsonAsync<List<FamilyRelationships.RelationshipResponse>>($"/api/referrals/young-people/{child}/relationships", CaseRequests.Json))!;
        Assert.Equal([(cousin, FamilyRelationshipKind.Household, (RiskLevel?)RiskLevel.Low, false), (sister, FamilyRelationshipKind.Sibling, RiskLevel.High, true)],
            relationships.Select(r => (r.RelatedYoungPersonId, r.Kind, r.RelatedRiskLevel, r.RelatedHasCseHistory)));
    }

    [Fact]
    public async Task A_relationship_needs_another_registered_young_person_and_a_kind_by_name()
    {
        using var worker = Worker();
        var child = await worker.RegisterChildAsync();
        using (var missing = await worker.PostAsJsonAsync($"/api/referrals/young-people/{child}/relationships", new { }))
        {
            Assert.Equal(["kind", "relatedYoungPersonId"], (await missing.ErrorFieldsAsync()).Order());
        }
        using (var self = await worker.PostAsJsonAsync($"/api/referrals/young-people/{child}/relationships", new { relatedYoungPersonId = child, kind = "Sibling" }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, self.StatusCode);
        }
        using (var unknown = await worker.PostAsJsonAsync($"/api/referrals/young-people/{child}/relationships", new { relatedYoungPersonId = Guid.NewGuid(), kind = "Sibling" }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
            Assert.Equal(["relatedYoungPersonId"], await unknown.ErrorFieldsAsync());
        }
        using (var byNumber = await worker.PostAsJsonAsync($"/api/referrals/young-people/{child}/relationships", new { relatedYoungPersonId = Guid.NewGuid(), kind = 0 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, byNumber.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/referrals/young-people/{Guid.NewGuid()}/relationships")).StatusCode);
    }
}
