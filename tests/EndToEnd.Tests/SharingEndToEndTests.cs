using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Testing;

namespace Support.EndToEnd.Tests;

/// <summary>
/// REC-11 across the platform: a placement recorded in Referrals reaches every service over the real bus, so a carer
/// can read the young person placed with them in each service through the gateway and no one else; ending the
/// placement ends it everywhere; the young person's access log shows the share with its lawful basis.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SharingEndToEndTests(Platform platform)
{
    private static readonly string[] Services = ["referrals", "outreach", "missing", "therapy", "leavingcare", "supportline"];

    private static object Person(string given, string dateOfBirth) => new
    {
        givenName = given, familyName = "Sharing" + Guid.NewGuid().ToString("N")[..6], dateOfBirth, gender = "Female", localArea = "Rotherham Central",
    };

    private static async Task<Guid> IdOfAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_placement_recorded_in_referrals_lets_the_carer_read_that_young_person_in_every_service_until_it_ends()
    {
        var carerId = "e2e-carer-" + Guid.NewGuid().ToString("N")[..6];
        using var social = platform.Client("SocialWorker", "e2e-sw-sharing");
        using var created = await social.PostAsJsonAsync("/api/referrals/young-people", Person("Placed", "2011-05-05"));
        var placed = await IdOfAsync(created);
        using var createdOther = await social.PostAsJsonAsync("/api/referrals/young-people", Person("Notplaced", "2011-06-06"));
        var other = await IdOfAsync(createdOther);
        using var recorded = await social.PostAsJsonAsync($"/api/referrals/young-people/{placed}/sharing-relationships",
            new { userId = carerId, kind = "Placement", reason = "Placed with this carer by the duty team" });
        var relationshipId = await IdOfAsync(recorded);
        using var carer = platform.Client("Carer", carerId);

        foreach (var service in Services)
        {
            await Eventually.TrueAsync(async () =>
            {
                using var response = await carer.GetAsync($"/api/{service}/young-people/{placed}");
                return response.StatusCode == HttpStatusCode.OK;
            }, TimeSpan.FromSeconds(30), $"{service} to let the carer read the young person placed with them");
            using var refused = await carer.GetAsync($"/api/{service}/young-people/{other}");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("information-sharing-protocol", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refusedBy").GetString());
        }

        // The sharing is on the young person's chronology, signed by the social worker who decided it (REC-03).
        var entryText = await Eventually.GetAsync(async () =>
        {
            var chronology = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{placed}/chronology");
            return chronology.GetProperty("entries").EnumerateArray()
                .Where(e => e.GetProperty("kind").GetString() == "SharingRelationshipRecorded").Select(e => e.GetRawText()).FirstOrDefault();
        }, TimeSpan.FromSeconds(30), "the sharing to reach the chronology");
        var entry = JsonDocument.Parse(entryText).RootElement;
        Assert.Equal("e2e-sw-sharing", entry.GetProperty("authorId").GetString());
        Assert.Equal(relationshipId, entry.GetProperty("sourceRecordId").GetGuid());

        using var manager = platform.Client("TeamManager", "e2e-tm-sharing");
        var ledger = await manager.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{placed}/access-log");
        var share = ledger.EnumerateArray().First(e => e.GetProperty("actor").GetString() == carerId);
        Assert.Equal("Placement", share.GetProperty("sharedUnder").GetString());
        Assert.Contains("Art. 6(1)(e)", share.GetProperty("lawfulBasis").GetString(), StringComparison.Ordinal);
        var refusals = (await manager.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{other}/access-log"))
            .EnumerateArray().Where(e => e.GetProperty("actor").GetString() == carerId).ToList();
        Assert.NotEmpty(refusals);
        Assert.All(refusals, e => Assert.Equal("refused", e.GetProperty("action").GetString()));

        using var ended = await social.PostAsJsonAsync($"/api/referrals/young-people/{placed}/sharing-relationships/{relationshipId}/end",
            new { reason = "Placement ended" });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        foreach (var service in Services)
        {
            await Eventually.TrueAsync(async () =>
            {
                using var response = await carer.GetAsync($"/api/{service}/young-people/{placed}");
                return response.StatusCode == HttpStatusCode.Forbidden;
            }, TimeSpan.FromSeconds(30), $"{service} to end the carer's access with the placement");
        }
    }
}
