using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Testing;

namespace Support.EndToEnd.Tests;

/// <summary>
/// MIS-07 and REC-02 through the gateway over the real bus: a missing episode reported in the Missing service appears
/// in the young person's single chronology in Referrals, beside their registration, and the chain verifies as intact.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ChronologyEndToEndTests(Platform platform)
{
    [Fact]
    public async Task A_missing_episode_reported_to_the_missing_service_appears_in_the_referrals_chronology_and_verifies()
    {
        using var social = platform.Client("SocialWorker", "e2e-chronology");
        using var registered = await social.PostAsJsonAsync("/api/referrals/young-people", new
        {
            givenName = "Chloe", familyName = "Timeline", dateOfBirth = "2011-03-03", gender = "Female", localArea = "Maltby",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var youngPersonId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Eventually.TrueAsync(async () => (await social.GetAsync($"/api/missing/young-people/{youngPersonId}")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the Missing service to know the young person");

        using var reported = await social.PostAsJsonAsync("/api/missing/episodes", new
        {
            youngPersonId, missingFrom = "Care", lastSeenAt = DateTimeOffset.UtcNow.AddHours(-4), lastSeenLocation = "Retail park",
            believedWith = "Unknown", reportedBy = "Residential unit", circumstances = "Did not return to the unit", placementInformed = true,
        });
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var episodeId = (await reported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var entries = await Eventually.GetAsync(async () =>
        {
            var chronology = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{youngPersonId}/chronology");
            var list = chronology.GetProperty("entries").EnumerateArray().ToList();
            return list.Any(e => e.GetProperty("kind").GetString() == "MissingEpisodeReported")
                && list.Any(e => e.GetProperty("kind").GetString() == "YoungPersonRegistered") ? list : null;
        }, TimeSpan.FromSeconds(30), "the registration and the missing episode to reach the chronology");

        var missing = entries.Single(e => e.GetProperty("kind").GetString() == "MissingEpisodeReported");
        Assert.Equal(episodeId, missing.GetProperty("sourceRecordId").GetGuid());
        Assert.Equal("missing", missing.GetProperty("sourceService").GetString());
        Assert.Equal("service:missing", missing.GetProperty("authorId").GetString());
        Assert.Contains("Care", missing.GetProperty("summary").GetString(), StringComparison.Ordinal);
        // Free text stays in the Missing service: only ids and codes travel (MIS-01).
        Assert.DoesNotContain("Retail park", missing.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("YoungPersonRegistered", entries[0].GetProperty("kind").GetString());

        var verify = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{youngPersonId}/chronology/verify");
        Assert.True(verify.GetProperty("intact").GetBoolean(), verify.GetRawText());
        Assert.True(verify.GetProperty("entries").GetInt32() >= 2);

        using var commissioner = platform.Client("Commissioner", "e2e-commissioner");
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync($"/api/referrals/young-people/{youngPersonId}/chronology")).StatusCode);
    }
}
