using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Testing;

namespace Support.EndToEnd.Tests;

/// <summary>
/// REF-26 and REF-27 through the gateway over the real bus: a placement made because no foster placement was free is
/// on the child's chronology and in the commissioners' unmet-need ledger in Therapy, and once recorded as met in
/// Referrals' register it is counted as met there (COM-05); the carer named on it can read the child in another
/// service, and their report of contact by someone on the must-not-have-contact list reaches the senior manager's
/// critical-incident queue and the chronology.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PlacementEndToEndTests(Platform platform)
{
    [Fact]
    public async Task A_shortage_placement_is_unmet_need_in_therapy_and_the_named_carers_report_of_a_barred_contact_reaches_senior_managers_and_the_chronology()
    {
        var carerId = "e2e-carer-" + Guid.NewGuid().ToString("N")[..6];
        using var social = platform.Client("SocialWorker", "e2e-placement-sw");
        using var senior = platform.Client("SeniorManager", "e2e-placement-sm");
        using var auditor = platform.Client("Auditor", "e2e-placement-auditor");
        using var carer = platform.Client("Carer", carerId);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        using var registered = await social.PostAsJsonAsync("/api/referrals/young-people", new
        {
            givenName = "Ellie", familyName = "Placed" + Guid.NewGuid().ToString("N")[..6], dateOfBirth = today.AddYears(-12).ToString("yyyy-MM-dd"),
            gender = "Female", localArea = "Eastwood",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var child = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var placed = await social.PostAsJsonAsync("/api/referrals/placements", new
        {
            youngPersonId = child, type = "Residential", reason = "NoFosterPlacementAvailable", setting = $"E2E Unit {Guid.NewGuid():N}",
            startedOn = today.ToString("yyyy-MM-dd"), reviewBy = today.AddDays(28).ToString("yyyy-MM-dd"),
            rationale = "She asked for foster care; none is free tonight. Four weeks at most.", carerUserId = carerId,
        });
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var placementId = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // The carer's relationship reaches another service over the bus.
        await Eventually.TrueAsync(async () =>
        {
            using var response = await carer.GetAsync($"/api/missing/young-people/{child}");
            return response.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(30), "Missing to let the placement's carer read the child");

        // The shortage is unmet need in the one ledger (COM-05).
        await Eventually.TrueAsync(async () =>
            ReportCells.Count(await auditor.GetFromJsonAsync<JsonElement>("/api/therapy/reports/unmet-need"), "byCategoryAndReason", "Placement", "NotAvailable")
                is { ValueKind: JsonValueKind.Number } n && n.GetInt32() >= 1,
            TimeSpan.FromSeconds(30), "the shortage placement to reach Therapy's unmet-need ledger");

        // A foster placement is found: the social worker records the need met in Referrals' register, and the ledger
        // counts it as met since (COM-05).
        static int MetSince(JsonElement report) => ReportCells.Count(report, "byGender", "Female", "MetSince")!.Value.GetInt32();
        var metBefore = MetSince(await auditor.GetFromJsonAsync<JsonElement>("/api/therapy/reports/unmet-need"));
        var need = Assert.Single((await social.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{child}/unmet-needs")).EnumerateArray());
        Assert.Equal((placementId, "Placement"), (need.GetProperty("sourceId").GetGuid(), need.GetProperty("source").GetString()));
        await (await social.PostAsJsonAsync($"/api/referrals/young-people/{child}/unmet-needs/{need.GetProperty("id").GetGuid()}/met",
            new { metOn = today.ToString("yyyy-MM-dd"), how = "A foster family in the next borough took her." })).Succeeded();
        await Eventually.TrueAsync(async () => MetSince(await auditor.GetFromJsonAsync<JsonElement>("/api/therapy/reports/unmet-need")) >= metBefore + 1,
            TimeSpan.FromSeconds(30), "the ledger to count the placement need as met");

        using var listed = await social.PostAsJsonAsync($"/api/referrals/young-people/{child}/barred-persons", new
        {
            name = "Adult C", description = "Drives a black Audi; calls himself 'Uncle'", reason = "Suspected of grooming her",
        });
        Assert.Equal(HttpStatusCode.Created, listed.StatusCode);
        var barredId = (await listed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var list = await carer.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{child}/barred-persons");
        Assert.Equal("Adult C", list.EnumerateArray().Single().GetProperty("name").GetString());

        using var reported = await carer.PostAsJsonAsync($"/api/referrals/placements/{placementId}/barred-contacts", new
        {
            barredPersonId = barredId, occurredAt = DateTimeOffset.UtcNow.AddMinutes(-30).ToString("O"), account = "He was waiting outside the unit in the Audi.",
        });
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var incidentId = (await reported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("criticalIncidentId").GetGuid();

        var queue = await senior.GetFromJsonAsync<JsonElement>($"/api/referrals/critical-incidents?youngPersonId={child}");
        var incident = queue.EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == incidentId);
        Assert.Equal("ContactWithBarredPerson", incident.GetProperty("kind").GetString());

        await Eventually.TrueAsync(async () =>
        {
            var chronology = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{child}/chronology");
            var kinds = chronology.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
            return kinds.Contains("PlacementStarted") && kinds.Contains("CriticalIncidentRaised") && kinds.Contains("UnmetNeedRecorded")
                && kinds.Contains("UnmetNeedResolved");
        }, TimeSpan.FromSeconds(30), "the placement, the unmet need, its resolution and the critical incident to reach the child's chronology");
    }
}
