using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Testing;

namespace Support.EndToEnd.Tests;

/// <summary>
/// Casey-K18 ("She is not reported missing and her whereabouts are unknown") and Imray §4.7 (no senior manager told),
/// through the gateway over the real bus: a 19-year-old care leaver's adviser records "whereabouts unknown"; Missing
/// opens an episode and alerts police liaison and the duty manager (LC-04); Referrals makes a risk review due within 24
/// hours; she comes back, the return-home interview finds injuries, and a critical incident waits in the senior-manager
/// queue with its acknowledgement deadline until a senior manager acknowledges it (MIS-04, REF-22).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CareLeaverMissingEndToEndTests(Platform platform)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_care_leaver_whose_whereabouts_are_unknown_is_reported_missing_alerted_reviewed_and_her_injuries_reach_a_senior_manager()
    {
        using var social = platform.Client("SocialWorker", "e2e-k18-sw");
        using var manager = platform.Client("TeamManager", "e2e-k18-manager");
        using var adviser = platform.Client("PersonalAdviser", "e2e-k18-pa");
        using var police = platform.Client("PoliceLiaison", "e2e-k18-police");
        using var rhi = platform.Client("RhiWorker", "e2e-k18-rhi");
        using var senior = platform.Client("SeniorManager", "e2e-k18-senior");

        var dateOfBirth = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-19).AddDays(-40);
        using var registered = await social.PostAsJsonAsync("/api/referrals/young-people", new
        {
            givenName = "Kerry", familyName = "Eighteen", dateOfBirth = dateOfBirth.ToString("yyyy-MM-dd"), gender = "Female", localArea = "Eastwood",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var youngPersonId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // The registry projection and the leaving-care picture are built by two consumers of the same registration: the
        // care-leaver registration needs the picture, so it is retried until the picture is there (404 until then).
        await Eventually.TrueAsync(async () =>
        {
            using var joined = await manager.PostAsJsonAsync("/api/leavingcare/care-leavers", new { youngPersonId, lookedAfter = true });
            Assert.True(joined.StatusCode is HttpStatusCode.Created or HttpStatusCode.NotFound, $"registering the care leaver: {joined.StatusCode}");
            return joined.StatusCode == HttpStatusCode.Created;
        }, Wait, "Leaving Care to know the young person and register her as a care leaver");
        using var adviserRegistered = await manager.PostAsJsonAsync("/api/leavingcare/advisers",
            new { userId = "e2e-k18-pa", displayName = "Pat Adviser", team = "Leaving care east", provider = "In house" });
        var adviserId = adviserRegistered.StatusCode == HttpStatusCode.Created
            ? (await adviserRegistered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()
            : (await manager.GetFromJsonAsync<JsonElement>("/api/leavingcare/advisers")).EnumerateArray()
                .First(a => a.GetProperty("userId").GetString() == "e2e-k18-pa").GetProperty("id").GetGuid();
        (await manager.PutAsJsonAsync($"/api/leavingcare/young-people/{youngPersonId}/adviser", new { adviserId })).EnsureSuccessStatusCode();

        using var unknown = await adviser.PostAsJsonAsync($"/api/leavingcare/young-people/{youngPersonId}/contacts",
            new { occurredAt = DateTimeOffset.UtcNow.AddMinutes(-10), outcome = "WhereaboutsUnknown", method = "Visit",
                concern = "Her flat was empty and a neighbour saw her get into a car with two older men." });
        Assert.Equal(HttpStatusCode.Created, unknown.StatusCode);

        // Missing opens the episode from Leaving Care's command.
        var episode = await Eventually.GetAsync(async () =>
        {
            var list = await social.GetFromJsonAsync<JsonElement>($"/api/missing/episodes?youngPersonId={youngPersonId}");
            return list.GetArrayLength() > 0 ? list[0].GetRawText() : null;
        }, Wait, "Missing to open an episode");
        using var episodeJson = JsonDocument.Parse(episode);
        var episodeId = episodeJson.RootElement.GetProperty("id").GetGuid();
        Assert.Equal("LeavingCareAccommodation", episodeJson.RootElement.GetProperty("missingFrom").GetString());
        // Issue 15 item 5: the adviser's concern reaches the episode in their own words.
        Assert.Contains("a neighbour saw her get into a car with two older men", episodeJson.RootElement.GetProperty("circumstances").GetString());
        var reportedAt = episodeJson.RootElement.GetProperty("reportedAt").GetProperty("utc").GetDateTimeOffset();

        // LC-04: police liaison and the duty manager are alerted, each in their own queue.
        var policeAlerts = await police.GetFromJsonAsync<JsonElement>($"/api/missing/alerts?youngPersonId={youngPersonId}");
        Assert.Equal("PoliceLiaison", Assert.Single(policeAlerts.EnumerateArray()).GetProperty("recipient").GetString());
        var dutyAlerts = await manager.GetFromJsonAsync<JsonElement>($"/api/missing/alerts?youngPersonId={youngPersonId}");
        Assert.Equal("DutyManager", Assert.Single(dutyAlerts.EnumerateArray()).GetProperty("recipient").GetString());

        // LC-04: a risk review due within 24 hours of the report.
        var review = await Eventually.GetAsync(async () =>
        {
            var list = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/risk-reviews?youngPersonId={youngPersonId}");
            return list.EnumerateArray().Where(r => r.GetProperty("trigger").GetString() == "CareLeaverMissing").Select(r => r.GetRawText()).FirstOrDefault();
        }, Wait, "Referrals to open the care leaver's risk review");
        using var reviewJson = JsonDocument.Parse(review);
        Assert.Equal(reportedAt.AddHours(24), reviewJson.RootElement.GetProperty("dueAt").GetProperty("utc").GetDateTimeOffset());

        // She comes back; the return-home interview finds injuries.
        using var returned = await social.PostAsJsonAsync($"/api/missing/episodes/{episodeId}/return", new
        {
            returnedAt = DateTimeOffset.UtcNow.AddMinutes(-1), whereFound = "A house in Oldham", foundWith = "Two men known to police", howReturned = "Brought back by police",
        });
        Assert.Equal(HttpStatusCode.Created, returned.StatusCode);
        var interviewId = Guid.Parse(returned.Headers.Location!.ToString().Split('/')[^1]);
        (await rhi.PostAsJsonAsync($"/api/missing/return-interviews/{interviewId}/offer", new { offeredAt = DateTimeOffset.UtcNow })).EnsureSuccessStatusCode();
        using var completed = await rhi.PostAsJsonAsync($"/api/missing/return-interviews/{interviewId}/complete", new
        {
            conductedAt = DateTimeOffset.UtcNow, whereTheyWere = "Oldham", locations = new[] { "Oldham" }, whoWith = "Two men",
            riskIndicators = new[] { "InjuriesOnReturn", "AlcoholOrDrugsSupplied" }, disclosureMade = false,
            informationSharingBasis = "SafeguardingOverride", persons = new[] { "'Mo'" },
            disruptionOptions = new[] { new { tool = "AbductionNotice", decision = "Considered", owner = "e2e-k18-police", rationale = "She is 19: not available; consider an injunction." } },
        });
        completed.EnsureSuccessStatusCode();

        // REF-22: the injuries reach the senior-manager queue with a deadline; a team manager cannot see it.
        var incident = await Eventually.GetAsync(async () =>
        {
            var list = await senior.GetFromJsonAsync<JsonElement>($"/api/referrals/critical-incidents?youngPersonId={youngPersonId}");
            return list.GetArrayLength() > 0 ? list[0].GetRawText() : null;
        }, Wait, "the critical incident to reach the senior-manager queue");
        using var incidentJson = JsonDocument.Parse(incident);
        Assert.Equal("InjuriesOnReturn", incidentJson.RootElement.GetProperty("kind").GetString());
        Assert.Equal($"return-interview:{interviewId}", incidentJson.RootElement.GetProperty("sourceReference").GetString());
        var raisedAt = incidentJson.RootElement.GetProperty("raisedAt").GetProperty("utc").GetDateTimeOffset();
        Assert.Equal(raisedAt.AddHours(24), incidentJson.RootElement.GetProperty("acknowledgeBy").GetProperty("utc").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/referrals/critical-incidents")).StatusCode);

        var incidentId = incidentJson.RootElement.GetProperty("id").GetGuid();
        using var acknowledged = await senior.PostAsJsonAsync($"/api/referrals/critical-incidents/{incidentId}/acknowledge", new { note = "Strategy meeting today; police informed." });
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        var open = await senior.GetFromJsonAsync<JsonElement>($"/api/referrals/critical-incidents?youngPersonId={youngPersonId}");
        Assert.Equal(0, open.GetArrayLength());

        // REC-03: the incident is in her single chronology.
        await Eventually.TrueAsync(async () =>
        {
            var chronology = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{youngPersonId}/chronology");
            return chronology.GetRawText().Contains("CriticalIncidentRaised", StringComparison.Ordinal);
        }, Wait, "the critical incident to reach the chronology");
    }
}
