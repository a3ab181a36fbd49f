using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Testing;

namespace Support.EndToEnd.Tests;

/// <summary>
/// REC-10, issue 16 items 3 and 4, through the gateway over the real bus: one young person's pack is assembled from
/// every service. Referrals copies its own record (the chronology every service's events built); Missing, Outreach,
/// the support line, Therapy and Leaving Care each answer the pack's request with what they hold word for word, which
/// the chronology carries only as codes. Her own words from three services stand in the pack's own section, and first
/// on her record.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DisclosureEndToEndTests(Platform platform)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_subject_access_pack_is_assembled_from_every_services_records_word_for_word_with_their_provenance()
    {
        using var social = platform.Client("SocialWorker", "e2e-disclosure-sw");
        using var manager = platform.Client("TeamManager", "e2e-disclosure-manager");
        using var rhi = platform.Client("RhiWorker", "e2e-disclosure-rhi");
        using var duty = platform.Client("SupportLineOperator", "e2e-disclosure-duty");
        var dateOfBirth = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-6).AddYears(-17);
        using var registered = await social.PostAsJsonAsync("/api/referrals/young-people", new
        {
            givenName = "Paige", familyName = "Packed" + Guid.NewGuid().ToString("N")[..6], dateOfBirth = dateOfBirth.ToString("yyyy-MM-dd"),
            gender = "Female", localArea = "Rawmarsh",
        });
        var youngPersonId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        foreach (var service in new[] { "missing", "outreach", "therapy" })
        {
            await Eventually.TrueAsync(async () => (await social.GetAsync($"/api/{service}/young-people/{youngPersonId}")).StatusCode == HttpStatusCode.OK,
                Wait, $"{service} to know the young person");
        }

        // Missing: an episode, her return, and a return interview with her account in her own words.
        using var reported = await social.PostAsJsonAsync("/api/missing/episodes", new
        {
            youngPersonId, missingFrom = "Home", lastSeenAt = DateTimeOffset.UtcNow.AddHours(-5), lastSeenLocation = "Bus station",
            believedWith = "Unknown", reportedBy = "Mother", circumstances = "Did not come home from school", placementInformed = true,
        });
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var episodeId = (await reported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var returned = await social.PostAsJsonAsync($"/api/missing/episodes/{episodeId}/return",
            new { returnedAt = DateTimeOffset.UtcNow.AddHours(-2), whereFound = "Takeaway on the ring road", howReturned = "Walked home" });
        Assert.Equal(HttpStatusCode.Created, returned.StatusCode);
        var interviewId = Guid.Parse(returned.Headers.Location!.ToString().Split('/')[^1]);
        await (await rhi.PostAsJsonAsync($"/api/missing/return-interviews/{interviewId}/offer", new { offeredAt = DateTimeOffset.UtcNow.AddHours(-1) }))
            .Succeeded();
        await (await rhi.PostAsJsonAsync($"/api/missing/return-interviews/{interviewId}/complete", new
        {
            conductedAt = DateTimeOffset.UtcNow.AddMinutes(-30), whereTheyWere = "A flat above a takeaway", locations = new[] { "Ring road" },
            whoWith = "Men she calls uncles", riskIndicators = new[] { "PickedUpByTaxi" }, disclosureMade = false,
            informationSharingBasis = "SafeguardingOverride", youngPersonsWords = "They said I owe them for the phone",
        })).Succeeded();

        // Outreach: a street contact.
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

        // The support line: her text, linked to her record and marked as her views.
        var phone = NewMobile();
        using (var twilio = platform.TwilioClient(26))
        {
            (await platform.TextAsync(twilio, phone, "i want to stay at my nans, please dont move me")).Dispose();
        }
        var conversationId = await Eventually.GetAsync(async () =>
            (await duty.GetFromJsonAsync<JsonElement>("/api/supportline/conversations")).EnumerateArray()
                .Where(c => phone.EndsWith(c.GetProperty("phoneEnding").GetString()![^3..], StringComparison.Ordinal))
                .Select(c => c.GetProperty("id").GetString()).LastOrDefault(), Wait, "the conversation");
        await Eventually.TrueAsync(async () =>
        {
            using var linked = await duty.PostAsJsonAsync($"/api/supportline/conversations/{conversationId}/young-person", new { youngPersonId });
            return linked.StatusCode == HttpStatusCode.NoContent;
        }, Wait, "the young person to be known to the support line");
        var message = (await duty.GetFromJsonAsync<JsonElement>($"/api/supportline/conversations/{conversationId}")).GetProperty("messages")
            .EnumerateArray().Single(m => m.GetProperty("direction").GetString() == "inbound").GetProperty("id").GetString();
        await (await duty.PostAsync($"/api/supportline/conversations/{conversationId}/messages/{message}/young-persons-views", null)).Succeeded();

        // Therapy: a referral with its reason.
        using var provider = await manager.PostAsJsonAsync("/api/therapy/providers", new { name = $"E2E disclosure counselling {Guid.NewGuid():N}" });
        var providerId = (await (await provider.SucceededAsync()).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var offer = await manager.PostAsJsonAsync($"/api/therapy/providers/{providerId}/offers", new
        {
            name = "Counselling after exploitation", type = "CounsellingVoluntarySector", settings = new[] { "OutreachVenue" }, eligibility = "CSE-affected young people.",
            intendedOutcomes = "Reduced distress.", minimumAge = 0, commissionedCapacity = 10,
            funding = new[] { new { from = today.AddMonths(-1).ToString("yyyy-MM-dd"), to = today.AddMonths(11).ToString("yyyy-MM-dd"), amount = 40000m, source = "Council", fundedFte = 1m } },
        });
        var offerId = (await (await offer.SucceededAsync()).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await (await social.PostAsJsonAsync("/api/therapy/referrals", new
        {
            youngPersonId, offerId, referredAt = DateTimeOffset.UtcNow.AddMinutes(-10).ToString("O"), reason = "Nightmares since the return interview.",
        })).Succeeded();

        // Leaving Care: a contact with what she wants for her 18th birthday's handover, in her words.
        await Eventually.TrueAsync(async () =>
        {
            using var logged = await manager.PostAsJsonAsync($"/api/leavingcare/young-people/{youngPersonId}/contacts", new
            {
                occurredAt = DateTimeOffset.UtcNow.AddMinutes(-5), outcome = "Contacted", method = "Phone",
                youngPersonsWords = "When I'm 18 I want Sam to stay my worker",
            });
            Assert.True(logged.StatusCode is HttpStatusCode.Created or HttpStatusCode.NotFound, $"logging the contact: {logged.StatusCode}");
            return logged.StatusCode == HttpStatusCode.Created;
        }, Wait, "Leaving Care to know the young person");

        await Eventually.TrueAsync(async () =>
        {
            var chronology = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{youngPersonId}/chronology");
            var kinds = chronology.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToHashSet();
            return kinds.Contains("MissingEpisodeReported") && kinds.Contains("OutreachContactRecorded");
        }, Wait, "the missing episode and the contact to reach the chronology");

        using var auditor = platform.Client("Auditor", "e2e-disclosure-auditor");
        using var made = await auditor.PostAsJsonAsync($"/api/referrals/young-people/{youngPersonId}/disclosure-packs",
            new { purpose = "SubjectAccess", recipient = "The young person" });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var packId = (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var pack = await Eventually.GetAsync(async () =>
        {
            var read = await auditor.GetFromJsonAsync<JsonElement>($"/api/referrals/disclosure-packs/{packId}?view=original");
            return read.GetProperty("manifest").GetProperty("complete").GetBoolean() ? read.GetRawText() : null;
        }, Wait, "every service to answer the pack");
        var root = JsonDocument.Parse(pack).RootElement;

        Assert.True(root.GetProperty("checksumVerified").GetBoolean());
        Assert.Equal(["missing", "outreach", "supportline", "therapy", "leavingcare"],
            root.GetProperty("manifest").GetProperty("contributions").EnumerateArray().Select(c => c.GetProperty("service").GetString()));
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Superset(new HashSet<string?> { "referrals", "missing", "outreach" },
            items.Where(i => i.GetProperty("section").GetString() == "chronology").Select(i => i.GetProperty("provenance").GetProperty("service").GetString()).ToHashSet());
        // Word for word from each service, where the chronology has only codes and summaries.
        var text = items.Select(i => (Service: i.GetProperty("provenance").GetProperty("service").GetString(), Item: i)).ToList();
        string Field(string service, string field) => text.Where(t => t.Service == service && t.Item.GetProperty("section").GetString() == "service-records")
            .Select(t => t.Item.GetProperty("original")).Where(o => o.TryGetProperty(field, out _)).Select(o => o.GetProperty(field).GetString()!).First();
        Assert.Equal("Did not come home from school", Field("missing", "circumstances"));
        Assert.Equal("Men she calls uncles", Field("missing", "whoWith"));
        Assert.Equal("Quiet, would not say where she had been.", Field("outreach", "notes"));
        Assert.Equal("i want to stay at my nans, please dont move me", Field("supportline", "text"));
        Assert.Equal("Nightmares since the return interview.", Field("therapy", "reasonForReferral"));
        Assert.Equal("Phone", Field("leavingcare", "method"));
        var contactItem = text.First(t => t.Service == "outreach" && t.Item.GetProperty("section").GetString() == "service-records").Item;
        Assert.Equal("e2e-disclosure-ow", contactItem.GetProperty("provenance").GetProperty("recordedBy").GetString());
        // Her own words, from three services, in their own section.
        var ownWords = items.Where(i => i.GetProperty("section").GetString() == "own-words")
            .ToDictionary(i => i.GetProperty("provenance").GetProperty("service").GetString()!, i => i.GetProperty("original").GetProperty("inOwnWords").GetString());
        Assert.Equal("They said I owe them for the phone", ownWords["missing"]);
        Assert.Equal("i want to stay at my nans, please dont move me", ownWords["supportline"]);
        Assert.Equal("When I'm 18 I want Sam to stay my worker", ownWords["leavingcare"]);

        // Item 4: the same words stand first on her record in Referrals, each with where it was said.
        var onRecord = await Eventually.GetAsync(async () =>
        {
            var list = (await social.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{youngPersonId}/own-words")).EnumerateArray()
                .ToDictionary(w => w.GetProperty("source").GetString()!, w => w.GetProperty("words").GetString()!);
            return list.Count >= 3 ? list : null;
        }, Wait, "her words from three services on her record");
        Assert.Contains("They said I owe them for the phone", onRecord["Return interview"], StringComparison.Ordinal);
        Assert.Contains("please dont move me", onRecord["Support line"], StringComparison.Ordinal);
        Assert.Contains("When I'm 18 I want Sam to stay my worker", onRecord["Keeping-in-touch contact"], StringComparison.Ordinal);

        using var social403 = await social.GetAsync($"/api/referrals/disclosure-packs/{packId}");
        Assert.Equal(HttpStatusCode.Forbidden, social403.StatusCode);
    }
}
