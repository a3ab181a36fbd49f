using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Testing;

namespace Support.EndToEnd.Tests;

/// <summary>
/// THR-05 and LC-01 through the gateway over the real bus: a CAMHS episode accepted for a 17-year-old stays open, is
/// closed after 18 with no adult service available, and the closure reaches the Referrals chronology, the leaving-care
/// handover pack's therapy involvement, and the unmet-need ledger (auditor's exact count).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TherapyEpisodeEndToEndTests(Platform platform)
{
    [Fact]
    public async Task A_camhs_episode_closed_with_no_adult_service_available_reaches_the_chronology_the_handover_pack_and_the_unmet_need_ledger()
    {
        using var social = platform.Client("SocialWorker", "e2e-episode-sw");
        using var manager = platform.Client("TeamManager", "e2e-episode-manager");
        using var clinician = platform.Client("CamhsClinician", "e2e-episode-camhs");
        using var auditor = platform.Client("Auditor", "e2e-episode-auditor");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // Turned 18 a month ago: the episode began before and goes on after (THR-05).
        using var registered = await social.PostAsJsonAsync("/api/referrals/young-people", new
        {
            givenName = "Jas", familyName = "Episode", dateOfBirth = today.AddMonths(-1).AddYears(-18).ToString("yyyy-MM-dd"), gender = "Female", localArea = "Eastwood",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var youngPersonId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Eventually.TrueAsync(async () => (await social.GetAsync($"/api/therapy/young-people/{youngPersonId}")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the Therapy service to know the young person");

        using var provider = await manager.PostAsJsonAsync("/api/therapy/providers", new { name = $"E2E episode CAMHS {Guid.NewGuid():N}" });
        Assert.Equal(HttpStatusCode.Created, provider.StatusCode);
        var providerId = (await provider.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var offer = await manager.PostAsJsonAsync($"/api/therapy/providers/{providerId}/offers", new
        {
            name = "CAMHS trauma pathway", type = "Camhs", settings = new[] { "Clinic" }, eligibility = "CSE-affected young people.",
            intendedOutcomes = "Reduced distress.", minimumAge = 0, commissionedCapacity = 10,
            funding = new[] { new { from = today.AddMonths(-1).ToString("yyyy-MM-dd"), to = today.AddMonths(11).ToString("yyyy-MM-dd"), amount = 90000m, source = "Ccg", fundedFte = 1m } },
        });
        Assert.Equal(HttpStatusCode.Created, offer.StatusCode);
        var offerId = (await offer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var referred = await social.PostAsJsonAsync("/api/therapy/referrals", new
        {
            youngPersonId, offerId, referredAt = DateTimeOffset.UtcNow.AddMinutes(-10).ToString("O"), reason = "Flashbacks after disclosure.",
        });
        Assert.Equal(HttpStatusCode.Created, referred.StatusCode);
        var referralId = (await referred.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using (var accepted = await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referralId}/accept", new { acceptedAt = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O") }))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }
        using var closed = await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referralId}/close-episode", new
        {
            closedAt = DateTimeOffset.UtcNow.ToString("O"), reason = "Disengaged", onwardArrangement = "NoneAvailable",
            onwardDetails = "Adult mental health: does not meet criteria.",
        });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var unmetNeedId = (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("episode").GetProperty("unmetNeedId").GetGuid();

        var entries = await Eventually.GetAsync(async () =>
        {
            var chronology = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{youngPersonId}/chronology");
            var list = chronology.GetProperty("entries").EnumerateArray().ToList();
            return list.Any(e => e.GetProperty("kind").GetString() == "TherapyReferralAccepted")
                && list.Any(e => e.GetProperty("kind").GetString() == "TherapyEpisodeClosed") ? list : null;
        }, TimeSpan.FromSeconds(30), "the acceptance and the closure to reach the chronology");
        var closure = entries.Single(e => e.GetProperty("kind").GetString() == "TherapyEpisodeClosed");
        Assert.Equal(referralId, closure.GetProperty("sourceRecordId").GetGuid());
        Assert.Contains("NoneAvailable", closure.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains(unmetNeedId.ToString(), closure.GetProperty("summary").GetString(), StringComparison.Ordinal);
        // Free text stays in Therapy: the onward details never travel.
        Assert.DoesNotContain("does not meet criteria", closure.GetRawText(), StringComparison.Ordinal);

        var involvement = await Eventually.GetAsync(async () =>
        {
            using var response = await manager.GetAsync($"/api/leavingcare/young-people/{youngPersonId}/leaving-care");
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
            var record = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
            var items = record.GetProperty("pack").GetProperty("therapyInvolvement").EnumerateArray().Select(i => i.GetProperty("label").GetString()!).ToList();
            return items.Count == 2 ? items : null;
        }, TimeSpan.FromSeconds(30), "the acceptance and the closure to reach the handover pack");
        Assert.Contains("Camhs: episode closed (Disengaged), onward: NoneAvailable, unmet need recorded", involvement);
        Assert.Contains("Camhs: accepted, episode open", involvement);

        await Eventually.TrueAsync(async () =>
        {
            var exact = await auditor.GetFromJsonAsync<JsonElement>("/api/therapy/reports/unmet-need");
            var table = exact.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "byCategoryAndReason");
            var column = table.GetProperty("columnLabels").EnumerateArray().Select(c => c.GetString()).ToList().IndexOf("NoProvider");
            return table.GetProperty("body").EnumerateArray().Where(r => r.GetProperty("label").GetString() == "Camhs")
                .Select(r => r.GetProperty("cells")[column]).Any(c => c.ValueKind == JsonValueKind.Number && c.GetInt32() >= 1);
        }, TimeSpan.FromSeconds(30), "the unmet need to reach the ledger as NoProvider");
    }
}
