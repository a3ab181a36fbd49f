using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Testing;

namespace Support.EndToEnd.Tests;

/// <summary>
/// THR-01, COM-05, REF-16 through the gateway over the real bus: a CAMHS decline recorded in Therapy becomes unmet need
/// in the commissioner's report (suppressed) and a risk-review trigger in Referrals; LeavingCare's adult-services
/// refusal lands in the same ledger, and is counted as met once LeavingCare records it met. Auditors see the exact counts.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TherapyUnmetNeedEndToEndTests(Platform platform)
{
    [Fact]
    public async Task A_camhs_decline_becomes_suppressed_unmet_need_for_commissioners_and_a_risk_review_and_an_adult_services_refusal_joins_the_same_ledger()
    {
        using var social = platform.Client("SocialWorker", "e2e-thr-sw");
        using var manager = platform.Client("TeamManager", "e2e-thr-manager");
        using var clinician = platform.Client("CamhsClinician", "e2e-thr-camhs");
        using var adultServices = platform.Client("AdultServices", "e2e-thr-adult");
        using var commissioner = platform.Client("Commissioner", "e2e-thr-commissioner");
        using var auditor = platform.Client("Auditor", "e2e-thr-auditor");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var child = await RegisterAsync(social, "Tia", "Declined", today.AddYears(-15));
        var careLeaver = await RegisterAsync(social, "Rhys", "Refused", today.AddYears(-19));
        await Eventually.TrueAsync(async () => (await social.GetAsync($"/api/therapy/young-people/{child}")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the Therapy service to know the young person");

        using var provider = await manager.PostAsJsonAsync("/api/therapy/providers", new { name = $"E2E CAMHS {Guid.NewGuid():N}" });
        Assert.Equal(HttpStatusCode.Created, provider.StatusCode);
        var providerId = (await provider.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var funding = new[] { new { from = today.AddMonths(-1).ToString("yyyy-MM-dd"), to = today.AddMonths(11).ToString("yyyy-MM-dd"), amount = 250000m, source = "Ccg", fundedFte = 3m } };
        using var camhs = await manager.PostAsJsonAsync($"/api/therapy/providers/{providerId}/offers", new
        {
            name = "Tier 3 CAMHS", type = "Camhs", settings = new[] { "Clinic" }, eligibility = "Under 18 with a mental-health need.",
            intendedOutcomes = "Reduced distress.", minimumAge = 0, maximumAge = 17, commissionedCapacity = 40, funding,
        });
        Assert.Equal(HttpStatusCode.Created, camhs.StatusCode);
        var camhsId = (await camhs.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var homeVisits = await manager.PostAsJsonAsync($"/api/therapy/providers/{providerId}/offers", new
        {
            name = "Home-visit psychology", type = "HomeVisitPsychology", settings = new[] { "Home" }, eligibility = "Anyone affected by CSE, any age.",
            intendedOutcomes = "Trust, then therapy.", minimumAge = 11, commissionedCapacity = 12, funding,
        });
        var homeVisitsId = (await homeVisits.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var referred = await social.PostAsJsonAsync("/api/therapy/referrals", new
        {
            youngPersonId = child, offerId = camhsId, referredAt = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O"), reason = "Flashbacks after disclosure.",
        });
        Assert.Equal(HttpStatusCode.Created, referred.StatusCode);
        var referralId = (await referred.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var declined = await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referralId}/decline", new
        {
            reason = "NotMentallyIll", cseHistoryConsidered = true, declinedAt = DateTimeOffset.UtcNow.ToString("O"),
        });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var decline = await declined.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(homeVisitsId, decline.GetProperty("fittingOffers").EnumerateArray().Select(o => o.GetProperty("offerId").GetGuid()));

        // Referrals considers a risk review.
        var review = await Eventually.GetAsync(async () =>
        {
            var list = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/risk-reviews?youngPersonId={child}");
            return list.EnumerateArray().Select(r => r.GetRawText()).FirstOrDefault();
        }, TimeSpan.FromSeconds(30), "a risk review to open in Referrals from the decline");
        using (var document = JsonDocument.Parse(review))
        {
            Assert.Equal("TherapyReferralDeclined", document.RootElement.GetProperty("trigger").GetString());
            Assert.Equal($"therapy-referral-declined:{referralId}", document.RootElement.GetProperty("triggerReference").GetString());
        }

        // LeavingCare: adult services refuse the care leaver.
        await Eventually.TrueAsync(async () => (await adultServices.PostAsJsonAsync($"/api/leavingcare/young-people/{careLeaver}/unmet-needs", new
        {
            needCategory = "AdultMentalHealth", reason = "CriteriaNotMet", refusedBy = "Adult mental health team", details = "Does not meet adult criteria.",
            refusedOn = today.ToString("yyyy-MM-dd"),
        })).StatusCode == HttpStatusCode.Created, TimeSpan.FromSeconds(30), "LeavingCare to know the care leaver and record the refusal");

        // Both reach the one ledger: auditors see exact counts, commissioners the suppressed table.
        await Eventually.TrueAsync(async () =>
        {
            var exact = await auditor.GetFromJsonAsync<JsonElement>("/api/therapy/reports/unmet-need");
            return ReportCells.Count(exact, "byCategoryAndReason", "Camhs", "CriteriaNotMet") is { ValueKind: JsonValueKind.Number } camhsCount && camhsCount.GetInt32() >= 1
                && ReportCells.Count(exact, "byCategoryAndReason", "AdultMentalHealth", "CriteriaNotMet") is { ValueKind: JsonValueKind.Number } adult && adult.GetInt32() >= 1
                && ReportCells.Row(exact, "byServiceAndDuration", "leaving-care") is not null && ReportCells.Row(exact, "byServiceAndDuration", "therapy") is not null;
        }, TimeSpan.FromSeconds(30), "the decline and the refusal to reach the unmet-need ledger");

        var published = await commissioner.GetFromJsonAsync<JsonElement>("/api/therapy/reports/unmet-need");
        Assert.Equal("Suppressed", published.GetProperty("disclosure").GetString());
        Assert.Equal("unmet-need", published.GetProperty("report").GetProperty("name").GetString());
        var exactNow = await auditor.GetFromJsonAsync<JsonElement>("/api/therapy/reports/unmet-need");
        foreach (var category in new[] { "Camhs", "AdultMentalHealth" })
        {
            var shown = ReportCells.Count(published, "byCategoryAndReason", category, "CriteriaNotMet")!.Value;
            var exact = ReportCells.Count(exactNow, "byCategoryAndReason", category, "CriteriaNotMet")!.Value.GetInt32();
            Assert.True(exact is >= 1 and <= 5 ? shown.GetString() == "c" : shown.ValueKind == JsonValueKind.String || shown.GetInt32() == exact,
                $"{category}: exact {exact}, shown {shown}");
        }
        var text = published.GetRawText();
        Assert.DoesNotContain(child.ToString(), text);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync($"/api/therapy/young-people/{child}/referrals")).StatusCode);

        // COM-05: adult services accept on appeal. LeavingCare records when and how, and the ledger counts the need as met since.
        static int MetSince(JsonElement report) => ReportCells.Count(report, "byGender", "Female", "MetSince")!.Value.GetInt32();
        var metBefore = MetSince(await auditor.GetFromJsonAsync<JsonElement>("/api/therapy/reports/unmet-need"));
        var needs = await adultServices.GetFromJsonAsync<JsonElement>($"/api/leavingcare/young-people/{careLeaver}/unmet-needs");
        var need = Assert.Single(needs.EnumerateArray());
        Assert.Equal(JsonValueKind.Undefined, need.TryGetProperty("met", out var notYet) ? notYet.ValueKind : JsonValueKind.Undefined);
        using var met = await adultServices.PostAsJsonAsync($"/api/leavingcare/young-people/{careLeaver}/unmet-needs/{need.GetProperty("id").GetGuid()}/met",
            new { metOn = today.ToString("yyyy-MM-dd"), how = "Accepted by the adult mental health team on appeal." });
        Assert.Equal(HttpStatusCode.Created, met.StatusCode);
        await Eventually.TrueAsync(async () => MetSince(await auditor.GetFromJsonAsync<JsonElement>("/api/therapy/reports/unmet-need")) >= metBefore + 1,
            TimeSpan.FromSeconds(30), "the ledger to count the care leaver's need as met");
    }

    private static async Task<Guid> RegisterAsync(HttpClient client, string given, string family, DateOnly dateOfBirth)
    {
        using var registered = await client.PostAsJsonAsync("/api/referrals/young-people", new
        {
            givenName = given, familyName = family, dateOfBirth = dateOfBirth.ToString("yyyy-MM-dd"), gender = "Female", localArea = "Eastwood",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
