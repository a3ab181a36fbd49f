using System.Net;
using System.Net.Http.Json;
using Support.LeavingCare.Features.Advisers;

namespace Support.LeavingCare.Tests;

/// <summary>
/// LC-07: "The service was brought back in house as of the 1st April 2014" (Casey, L1712). Moving an adviser to another
/// provider keeps every record and adds a provider-history entry.
/// </summary>
public sealed class AdviserProviderTests(LeavingCareFixture fixture) : IClassFixture<LeavingCareFixture>
{
    [Fact]
    public async Task Moving_an_adviser_to_another_provider_keeps_their_young_people_and_adds_a_history_entry()
    {
        using var manager = fixture.Client("TeamManager", "tm-provider");
        var userId = "pa-provider-" + Guid.NewGuid().ToString("N")[..6];
        AdviserResponse adviser;
        using (var registered = await manager.PostAsJsonAsync("/api/leavingcare/advisers", new { userId, displayName = "Pat Adviser", team = "Leaving care", provider = "Action for Children" }))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            adviser = await registered.ReadAsync<AdviserResponse>();
        }
        var id = await fixture.RegisterAsync(fixture.BornToTurn18In(200));
        (await manager.PutAsJsonAsync($"/api/leavingcare/young-people/{id}/adviser", new { adviserId = adviser.Id })).EnsureSuccessStatusCode();
        var url = $"/api/leavingcare/advisers/{adviser.Id}/provider-changes";

        using (var early = await manager.PostAsJsonAsync(url, new { provider = "Council", effectiveOn = fixture.Today.AddYears(-1), reason = "In house" }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
            Assert.Equal(["effectiveOn"], await early.ErrorFieldsAsync());
        }
        using (var same = await manager.PostAsJsonAsync(url, new { provider = "action for children", effectiveOn = fixture.Today, reason = "x" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, same.StatusCode);
        }
        using (var adviserSelf = fixture.Client("PersonalAdviser", userId))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await adviserSelf.PostAsJsonAsync(url, new { provider = "Council", effectiveOn = fixture.Today, reason = "x" })).StatusCode);
        }
        using (var moved = await manager.PostAsJsonAsync(url, new { provider = "Council", effectiveOn = fixture.Today, reason = "The service is brought back in house." }))
        {
            Assert.Equal(HttpStatusCode.Created, moved.StatusCode);
        }

        var listed = (await manager.GetFromJsonAsync<List<AdviserResponse>>("/api/leavingcare/advisers", LeavingCareFixture.Json))!.Single(a => a.Id == adviser.Id);
        Assert.Equal(("Council", "Action for Children"), (listed.Provider, listed.RegisteredProvider));
        var entry = Assert.Single(listed.ProviderHistory);
        Assert.Equal(("Action for Children", "Council", fixture.Today, "The service is brought back in house.", "tm-provider"),
            (entry.FromProvider, entry.ToProvider, entry.EffectiveOn, entry.Reason, entry.RecordedBy));
        // Every record stays: the young person is still on the same adviser's caseload.
        using var self = fixture.Client("PersonalAdviser", userId);
        Assert.Equal(HttpStatusCode.OK, (await self.GetAsync($"/api/leavingcare/young-people/{id}/leaving-care")).StatusCode);
    }
}
