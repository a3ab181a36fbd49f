using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Testing;

namespace Support.EndToEnd.Tests;

/// <summary>
/// The Outreach issue's end-to-end case (b), INT-02, REF-13, through the gateway over the real bus: an information item
/// naming a vehicle already linked to another child is proposed to Referrals as a network link; once a social worker
/// confirms it there, both children carry the organised-abuse flag and the outcome returns to the outreach worker's
/// item as a confirmed network link and its disposition.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PersonOfConcernLinkEndToEndTests(Platform platform)
{
    private static async Task<Guid> RegisteredAsync(HttpClient social, string givenName)
    {
        using var registered = await social.PostAsJsonAsync("/api/referrals/young-people", new
        {
            givenName, familyName = "Network", dateOfBirth = "2011-09-03", gender = "Female", localArea = "Eastwood",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Eventually.TrueAsync(async () => (await social.GetAsync($"/api/outreach/young-people/{id}")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the Outreach service to know the young person");
        return id;
    }

    private static async Task<JsonElement> LinksAsync(HttpClient client, Guid youngPersonId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{youngPersonId}/links");

    [Fact]
    public async Task An_item_naming_a_vehicle_linked_to_another_child_proposes_a_network_link_that_once_confirmed_flags_both_and_returns_to_outreach()
    {
        using var social = platform.Client("SocialWorker", "e2e-links-sw");
        using var worker = platform.Client("OutreachWorker", "e2e-links-ow");
        var first = await RegisteredAsync(social, "Amber");
        var second = await RegisteredAsync(social, "Bethany");
        var plate = $"YC{Random.Shared.Next(10, 99)} {(char)('A' + Random.Shared.Next(26))}{Random.Shared.Next(100, 999)}";
        using var linked = await social.PostAsJsonAsync($"/api/referrals/young-people/{first}/links", new { kind = "Vehicle", value = plate });
        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);

        using var recorded = await worker.PostAsJsonAsync("/api/outreach/information-items", new
        {
            youngPersonId = second,
            words = "Bethany said the man in the white Octavia, " + plate + ", gives them vodka and drives them to a house.",
            sourceKind = "YoungPersonFirstHand", reportedBy = "Bethany herself", hand = "FirstHand",
            receivedAt = DateTimeOffset.UtcNow.AddMinutes(-20),
            mentions = new object[] { new { kind = "Vehicle", value = plate.ToLowerInvariant() } },
        });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var item = await recorded.Content.ReadFromJsonAsync<JsonElement>();
        var itemId = item.GetProperty("id").GetGuid();
        Assert.Equal("Proposed", item.GetProperty("mentions")[0].GetProperty("link").GetProperty("status").GetString());

        var proposal = await Eventually.GetAsync(async () =>
        {
            var pending = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/link-proposals?youngPersonId={second}");
            return pending.EnumerateArray().Select(p => (JsonElement?)p).FirstOrDefault() is { } p ? (object)p : null;
        }, TimeSpan.FromSeconds(30), "the proposal to reach Referrals") as JsonElement?;
        Assert.Equal(itemId, proposal!.Value.GetProperty("sourceReference").GetGuid());
        Assert.Equal([first], proposal.Value.GetProperty("networkMatches").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Empty((await LinksAsync(social, second)).GetProperty("flags").EnumerateArray());

        using var confirmed = await social.PostAsJsonAsync($"/api/referrals/link-proposals/{proposal.Value.GetProperty("id").GetGuid()}/confirm", new { });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        foreach (var child in new[] { first, second })
        {
            Assert.Equal(["OrganisedOrMultipleAbuse"], (await LinksAsync(social, child)).GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        }
        var link = await Eventually.GetAsync(async () =>
        {
            var read = await worker.GetFromJsonAsync<JsonElement>($"/api/outreach/information-items/{itemId}");
            var mention = read.GetProperty("mentions")[0].GetProperty("link");
            return mention.GetProperty("status").GetString() == "Confirmed" ? (object)read : null;
        }, TimeSpan.FromSeconds(30), "the decision to return to Outreach") as JsonElement?;
        var outcome = link!.Value.GetProperty("mentions")[0].GetProperty("link");
        Assert.Equal(2, outcome.GetProperty("linkedYoungPeople").GetInt32());
        Assert.True(outcome.GetProperty("networkLink").GetBoolean());
        Assert.Equal("e2e-links-sw", outcome.GetProperty("decidedBy").GetString());
        Assert.Equal("LinkedToPersonOfConcern", Assert.Single(link.Value.GetProperty("history").EnumerateArray()).GetProperty("kind").GetString());
    }
}
