using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Testing;

namespace Support.EndToEnd.Tests;

/// <summary>
/// COM-03, COM-06, COM-12 through the gateway over the real bus: an adult's first referral about abuse at 15, received by
/// Referrals, is counted in Therapy's demand report as a historic victim coming forward, and a missing episode
/// reported to Missing is counted among the triggers for CSE. Auditors see exact counts; a commissioner sees the same
/// report suppressed. Other tests share the platform, so each count is read before and must grow by this test's own.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CommissioningReportsEndToEndTests(Platform platform)
{
    [Fact]
    public async Task An_adults_first_referral_about_abuse_at_15_and_a_missing_episode_reach_the_commissioners_reports_from_other_services()
    {
        using var social = platform.Client("SocialWorker", "e2e-com-sw");
        using var auditor = platform.Client("Auditor", "e2e-com-auditor");
        using var commissioner = platform.Client("Commissioner", "e2e-com-commissioner");
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var year = (today.Month >= 4 ? today.Year : today.Year - 1) is var start ? $"{start}-{(start + 1) % 100:00}" : "";

        var historicBefore = await HistoricThisYearAsync(auditor, year);
        var missingBefore = await TotalAsync(auditor, $"/api/therapy/reports/cse-triggers?year={year}", "missingEpisodes");

        using var referred = await social.PostAsJsonAsync("/api/referrals", new
        {
            youngPerson = new
            {
                givenName = "Carys", familyName = "Cameforward", dateOfBirth = today.AddYears(-23).ToString("yyyy-MM-dd"), gender = "Female", localArea = "Eastwood",
            },
            referrerRole = "YoungPersonSelf", cseType = "OrganisedGroupOrGang", adultInvolved = true, riskIndicators = new[] { "GiftsMoneyOrAttention" },
            sexualActivity = false, disclosureOfAssault = true, occurredAt = now.AddYears(-8),
            narrative = "Came forward after the news: abused by a group of men from the age of 15.",
        });
        Assert.Equal(HttpStatusCode.Created, referred.StatusCode);
        var youngPersonId = (await referred.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("youngPerson").GetProperty("id").GetGuid();

        // Missing learns of the young person from the registry's event: until then it answers 422 naming youngPersonId.
        await Eventually.TrueAsync(async () =>
        {
            using var reported = await social.PostAsJsonAsync("/api/missing/episodes", new
            {
                youngPersonId, missingFrom = "Home", lastSeenAt = now.AddHours(-3), lastSeenLocation = "Bus station", believedWith = "Unknown",
                reportedBy = "Partner", circumstances = "Did not come home.",
            });
            return reported.StatusCode == HttpStatusCode.Created;
        }, TimeSpan.FromSeconds(30), "Missing to know the young person and record the episode");

        await Eventually.TrueAsync(async () => await HistoricThisYearAsync(auditor, year) >= historicBefore + 1, TimeSpan.FromSeconds(30),
            "the referral to reach Therapy's demand report as a historic victim coming forward");
        await Eventually.TrueAsync(async () => await TotalAsync(auditor, $"/api/therapy/reports/cse-triggers?year={year}", "missingEpisodes") >= missingBefore + 1,
            TimeSpan.FromSeconds(30), "the missing episode to reach the triggers report");

        var suppressed = await commissioner.GetFromJsonAsync<JsonElement>($"/api/therapy/reports/referral-demand?year={year}");
        Assert.Equal("Suppressed", suppressed.GetProperty("disclosure").GetString());
        var body = suppressed.GetRawText();
        Assert.DoesNotContain("Cameforward", body, StringComparison.Ordinal);
        Assert.DoesNotContain(youngPersonId.ToString(), body, StringComparison.Ordinal);
    }

    private static async Task<int> HistoricThisYearAsync(HttpClient auditor, string year)
    {
        var report = await auditor.GetFromJsonAsync<JsonElement>($"/api/therapy/reports/referral-demand?year={year}");
        if (report.GetProperty("noData").ValueKind != JsonValueKind.Null)
        {
            return 0;
        }
        var table = report.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "firstReferralsOfAdults");
        var row = table.GetProperty("body").EnumerateArray().Single(r => r.GetProperty("label").GetString() == "At18OrOverConcernBefore18");
        return row.GetProperty("cells").EnumerateArray().Last().GetInt32();
    }

    private static async Task<int> TotalAsync(HttpClient auditor, string path, string tableName)
    {
        var report = await auditor.GetFromJsonAsync<JsonElement>(path);
        return report.GetProperty("noData").ValueKind != JsonValueKind.Null ? 0
            : report.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == tableName).GetProperty("grandTotal").GetInt32();
    }
}
