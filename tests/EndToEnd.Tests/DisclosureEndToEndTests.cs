using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Testing;

namespace Support.EndToEnd.Tests;

/// <summary>
/// REC-10 through the gateway over the real bus: a young person's pack holds the chronology that every service's
/// events built (registration in Referrals, a missing episode in Missing, an outreach contact in Outreach), each item
/// with the service and signature it came from.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DisclosureEndToEndTests(Platform platform)
{
    [Fact]
    public async Task A_subject_access_pack_holds_the_events_of_every_service_with_their_provenance()
    {
        using var social = platform.Client("SocialWorker", "e2e-disclosure-sw");
        using var registered = await social.PostAsJsonAsync("/api/referrals/young-people", new
        {
            givenName = "Paige", familyName = "Packed" + Guid.NewGuid().ToString("N")[..6], dateOfBirth = "2010-08-08", gender = "Female",
            localArea = "Rawmarsh",
        });
        var youngPersonId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        foreach (var service in new[] { "missing", "outreach" })
        {
            await Eventually.TrueAsync(async () => (await social.GetAsync($"/api/{service}/young-people/{youngPersonId}")).StatusCode == HttpStatusCode.OK,
                TimeSpan.FromSeconds(30), $"{service} to know the young person");
        }
        using var reported = await social.PostAsJsonAsync("/api/missing/episodes", new
        {
            youngPersonId, missingFrom = "Home", lastSeenAt = DateTimeOffset.UtcNow.AddHours(-3), lastSeenLocation = "Bus station",
            believedWith = "Unknown", reportedBy = "Mother", circumstances = "Did not come home from school", placementInformed = true,
        });
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        using var worker = platform.Client("OutreachWorker", "e2e-disclosure-ow");
        using var contact = new HttpRequestMessage(HttpMethod.Post, "/api/outreach/contacts")
        {
            Content = JsonContent.Create(new
            {
                youngPersonId, channel = "Street", contactedAt = DateTimeOffset.UtcNow.AddMinutes(-20), place = "Rawmarsh park",
                notes = "Quiet, would not say where she had been.", concern = "Medium",
            }),
        };
        contact.Headers.Add("Idempotency-Key", $"e2e-disclosure-{youngPersonId:N}");
        Assert.Equal(HttpStatusCode.Created, (await worker.SendAsync(contact)).StatusCode);
        await Eventually.TrueAsync(async () =>
        {
            var chronology = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{youngPersonId}/chronology");
            var kinds = chronology.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToHashSet();
            return kinds.Contains("MissingEpisodeReported") && kinds.Contains("OutreachContactRecorded");
        }, TimeSpan.FromSeconds(30), "the missing episode and the contact to reach the chronology");

        using var auditor = platform.Client("Auditor", "e2e-disclosure-auditor");
        using var made = await auditor.PostAsJsonAsync($"/api/referrals/young-people/{youngPersonId}/disclosure-packs",
            new { purpose = "SubjectAccess", recipient = "The young person" });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var packId = (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var pack = await auditor.GetFromJsonAsync<JsonElement>($"/api/referrals/disclosure-packs/{packId}?view=original");

        Assert.True(pack.GetProperty("checksumVerified").GetBoolean());
        var chronologyItems = pack.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("section").GetString() == "chronology").ToList();
        var sources = chronologyItems.Select(i => i.GetProperty("provenance").GetProperty("service").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "referrals", "missing", "outreach" }, sources);
        var outreach = chronologyItems.Single(i => i.GetProperty("original").GetProperty("kind").GetString() == "OutreachContactRecorded");
        Assert.Equal("e2e-disclosure-ow", outreach.GetProperty("provenance").GetProperty("recordedBy").GetString());
        using var social403 = await social.GetAsync($"/api/referrals/disclosure-packs/{packId}");
        Assert.Equal(HttpStatusCode.Forbidden, social403.StatusCode);
    }
}
