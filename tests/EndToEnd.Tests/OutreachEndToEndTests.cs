using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Testing;

namespace Support.EndToEnd.Tests;

/// <summary>
/// OUT-01, OUT-02 through the gateway over the real bus: a contact an outreach worker logs on the street appears in
/// the young person's Referrals chronology once, however often the phone retries; a contact recorded under an alias
/// follows once a worker confirms who the alias is.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OutreachEndToEndTests(Platform platform)
{
    private async Task<Guid> RegisteredAsync(HttpClient social, string givenName)
    {
        using var registered = await social.PostAsJsonAsync("/api/referrals/young-people", new
        {
            givenName, familyName = "Street", dateOfBirth = "2012-02-14", gender = "Female", localArea = "Clifton",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Eventually.TrueAsync(async () => (await social.GetAsync($"/api/outreach/young-people/{id}")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the Outreach service to know the young person");
        return id;
    }

    private static async Task<List<JsonElement>> ChronologyAsync(HttpClient client, Guid youngPersonId)
    {
        var chronology = await client.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{youngPersonId}/chronology");
        return chronology.GetProperty("entries").EnumerateArray().ToList();
    }

    private static async Task<HttpResponseMessage> LogAsync(HttpClient worker, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/outreach/contacts") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await worker.SendAsync(request);
    }

    [Fact]
    public async Task A_contact_logged_by_an_outreach_worker_appears_once_in_the_young_persons_referrals_chronology()
    {
        using var social = platform.Client("SocialWorker", "e2e-outreach-sw");
        using var worker = platform.Client("OutreachWorker", "e2e-outreach-ow");
        var youngPersonId = await RegisteredAsync(social, "Kayleigh");
        var contactedAt = DateTimeOffset.UtcNow.AddMinutes(-30);
        var body = new
        {
            youngPersonId, channel = "Street", contactedAt, place = "Clifton Park bandstand",
            notes = "E2e-notes-91b: said an older lad picks her up in a black Golf.", concern = "High",
        };

        using var logged = await LogAsync(worker, body, $"e2e-{youngPersonId:N}");
        using var retried = await LogAsync(worker, body, $"e2e-{youngPersonId:N}");

        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        var contact = await logged.Content.ReadFromJsonAsync<JsonElement>();
        var contactId = contact.GetProperty("id").GetGuid();
        Assert.Equal(contactId, (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal("e2e-outreach-ow", contact.GetProperty("recordedBy").GetString());
        Assert.Equal("GMT", contact.GetProperty("contactedAt").GetProperty("zone").GetString());

        var entries = await Eventually.GetAsync(async () =>
        {
            var list = await ChronologyAsync(social, youngPersonId);
            return list.Any(e => e.GetProperty("kind").GetString() == "OutreachContactRecorded") ? list : null;
        }, TimeSpan.FromSeconds(30), "the contact to reach the chronology");

        var entry = Assert.Single(entries, e => e.GetProperty("kind").GetString() == "OutreachContactRecorded");
        Assert.Equal(contactId, entry.GetProperty("sourceRecordId").GetGuid());
        Assert.Equal("outreach", entry.GetProperty("sourceService").GetString());
        Assert.Equal("e2e-outreach-ow", entry.GetProperty("authorId").GetString());
        Assert.Contains("High", entry.GetProperty("summary").GetString(), StringComparison.Ordinal);
        // The worker's words and the place stay in the Outreach service.
        Assert.DoesNotContain("E2e-notes-91b", entry.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("bandstand", entry.GetRawText(), StringComparison.Ordinal);
        var verify = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{youngPersonId}/chronology/verify");
        Assert.True(verify.GetProperty("intact").GetBoolean(), verify.GetRawText());

        using var commissioner = platform.Client("Commissioner", "e2e-outreach-commissioner");
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync($"/api/outreach/contacts/{contactId}")).StatusCode);
    }

    [Fact]
    public async Task Police_liaison_and_commissioners_read_the_hotspot_report_through_the_gateway_but_commissioners_see_no_place_or_contact()
    {
        using var social = platform.Client("SocialWorker", "e2e-hotspot-sw");
        using var worker = platform.Client("OutreachWorker", "e2e-hotspot-ow");
        var youngPersonId = await RegisteredAsync(social, "Demi");
        using var located = await worker.PostAsJsonAsync("/api/outreach/locations",
            new { name = $"E2e Hotspot {Guid.NewGuid():N}", type = "Takeaway", latitude = 53.43m, longitude = -1.35m });
        Assert.Equal(HttpStatusCode.Created, located.StatusCode);
        var locationId = (await located.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var logged = await LogAsync(worker, new
        {
            youngPersonId, channel = "Street", contactedAt = DateTimeOffset.UtcNow.AddMinutes(-30), locationId, notes = "Outside the takeaway.",
        }, $"e2e-hotspot-{youngPersonId:N}");
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);

        using var police = platform.Client("PoliceLiaison", "e2e-hotspot-police");
        using var commissioner = platform.Client("Commissioner", "e2e-hotspot-commissioner");
        var report = await police.GetFromJsonAsync<JsonElement>("/api/outreach/reports/hotspots");
        var row = report.GetProperty("locations").EnumerateArray().Single(l => l.GetProperty("locationId").GetGuid() == locationId);
        Assert.Equal("c", row.GetProperty("total").GetProperty("contacts").GetString());
        Assert.Equal(53.43m, row.GetProperty("latitude").GetDecimal());
        Assert.DoesNotContain(youngPersonId.ToString(), report.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await commissioner.GetAsync("/api/outreach/reports/hotspots")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync($"/api/outreach/locations/{locationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/api/outreach/reports/hotspots")).StatusCode);
    }

    [Fact]
    public async Task Gender_and_ethnicity_recorded_at_registration_and_corrected_later_reach_the_outreach_reach_report()
    {
        using var social = platform.Client("SocialWorker", "e2e-reach-sw");
        using var worker = platform.Client("OutreachWorker", "e2e-reach-ow");
        using var auditor = platform.Client("Auditor", "e2e-reach-auditor");
        var described = $"E2e described {Guid.NewGuid():N}"[..24];
        var details = new
        {
            givenName = "Reece", familyName = "Street", dateOfBirth = "2011-09-01", gender = "Male", ethnicity = described, localArea = "Clifton",
        };
        using var registered = await social.PostAsJsonAsync("/api/referrals/young-people", details);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var youngPersonId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var projection = await Eventually.GetAsync(async () =>
        {
            using var response = await social.GetAsync($"/api/outreach/young-people/{youngPersonId}");
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
        }, TimeSpan.FromSeconds(30), "the Outreach service to know the young person");
        var known = JsonDocument.Parse(projection).RootElement;
        Assert.Equal(("Male", described), (known.GetProperty("gender").GetString(), known.GetProperty("ethnicity").GetString()));
        using var logged = await LogAsync(worker, new { youngPersonId, channel = "Street", contactedAt = DateTimeOffset.UtcNow.AddMinutes(-20), notes = "Seen." },
            $"e2e-reach-{youngPersonId:N}");
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);

        // The auditor sees every described value with its exact count (OUT-10); this one belongs to this young person alone.
        async Task<int?[]?> RowAsync(string label)
        {
            var report = await auditor.GetFromJsonAsync<JsonElement>("/api/outreach/reports/reach");
            var table = report.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "byEthnicity");
            return table.GetProperty("body").EnumerateArray().Where(r => r.GetProperty("label").GetString() == label)
                .Select(r => r.GetProperty("cells").EnumerateArray().Select(c => c.ValueKind == JsonValueKind.Number ? c.GetInt32() : (int?)null).ToArray())
                .SingleOrDefault();
        }
        Assert.Equal([1, 0], await RowAsync(described));

        var corrected = described.Replace("E2e described", "E2e corrected", StringComparison.Ordinal);
        using var correction = await social.PostAsJsonAsync($"/api/referrals/young-people/{youngPersonId}/corrections", new
        {
            details = details with { ethnicity = corrected }, reason = "Ethnicity as the young person describes it.",
        });
        Assert.Equal(HttpStatusCode.Created, correction.StatusCode);
        await Eventually.TrueAsync(async () => (await RowAsync(corrected)) is [1, 0], TimeSpan.FromSeconds(30), "the correction to reach the report");
        Assert.Null(await RowAsync(described));
    }

    [Fact]
    public async Task A_contact_under_an_alias_reaches_the_chronology_once_a_worker_confirms_who_the_alias_is()
    {
        using var social = platform.Client("SocialWorker", "e2e-alias-sw");
        using var worker = platform.Client("OutreachWorker", "e2e-alias-ow");
        using var aliasCreated = await worker.PostAsJsonAsync("/api/outreach/aliases", new { name = "Roxy", approximateAge = 14, area = "Clifton Park group" });
        Assert.Equal(HttpStatusCode.Created, aliasCreated.StatusCode);
        var aliasId = (await aliasCreated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var logged = await LogAsync(worker, new
        {
            aliasId, channel = "Street", contactedAt = DateTimeOffset.UtcNow.AddHours(-2), notes = "Seen with the group by the gates.",
        }, $"e2e-alias-{aliasId:N}");
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        var contactId = (await logged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var youngPersonId = await RegisteredAsync(social, "Roxanne");

        using var matched = await worker.PostAsJsonAsync($"/api/outreach/aliases/{aliasId}/match",
            new { youngPersonId, reason = "She gave her full name at the drop-in." });
        Assert.Equal(HttpStatusCode.Created, matched.StatusCode);

        var entries = await Eventually.GetAsync(async () =>
        {
            var list = await ChronologyAsync(social, youngPersonId);
            return list.Any(e => e.GetProperty("kind").GetString() == "OutreachContactRecorded")
                && list.Any(e => e.GetProperty("kind").GetString() == "OutreachAliasMatched") ? list : null;
        }, TimeSpan.FromSeconds(30), "the alias match and its contact to reach the chronology");
        Assert.Equal(contactId, Assert.Single(entries, e => e.GetProperty("kind").GetString() == "OutreachContactRecorded").GetProperty("sourceRecordId").GetGuid());
        Assert.Equal(aliasId, Assert.Single(entries, e => e.GetProperty("kind").GetString() == "OutreachAliasMatched").GetProperty("sourceRecordId").GetGuid());
        var record = await worker.GetFromJsonAsync<JsonElement>($"/api/outreach/young-people/{youngPersonId}/contacts");
        Assert.Equal(contactId, Assert.Single(record.GetProperty("contacts").EnumerateArray()).GetProperty("id").GetGuid());
    }
}
