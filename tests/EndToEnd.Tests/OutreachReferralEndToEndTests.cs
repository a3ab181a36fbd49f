using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Testing;

namespace Support.EndToEnd.Tests;

/// <summary>
/// OUT-04, REF-02 through the gateway over the real bus: a referral an outreach worker makes, once reclassified by a
/// social worker, reaches that worker in Outreach as a notification carrying the rationale, and their referral list
/// shows the new priority. Nobody else is told.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OutreachReferralEndToEndTests(Platform platform)
{
    [Fact]
    public async Task A_referral_made_by_an_outreach_worker_and_then_reclassified_reaches_that_worker_with_the_rationale()
    {
        using var worker = platform.Client("OutreachWorker", "e2e-ow-referrer");
        using var social = platform.Client("SocialWorker", "e2e-sw-reclassifier");
        using var posted = await worker.PostAsJsonAsync("/api/referrals", new
        {
            youngPerson = new { givenName = "Mia", familyName = "Reclass", dateOfBirth = "2011-10-10", gender = "Female", localArea = "Clifton" },
            referrerRole = "OutreachWorker",
            referrerOrganisation = "Risky Business",
            cseType = "StreetGrooming",
            adultInvolved = true,
            riskIndicators = new[] { "DrivenAroundInCars" },
            sexualActivity = false,
            disclosureOfAssault = false,
            occurredAt = DateTimeOffset.UtcNow.AddHours(-3),
            narrative = "Seen getting into cars outside the takeaway with older men.",
        });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var referralId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var tracked = await Eventually.GetAsync(async () =>
        {
            var mine = await worker.GetFromJsonAsync<JsonElement>("/api/outreach/my/referrals");
            return mine.EnumerateArray().Where(r => r.GetProperty("referralId").GetGuid() == referralId).Select(r => (JsonElement?)r).SingleOrDefault() is { } found
                ? new[] { found } : null;
        }, TimeSpan.FromSeconds(30), "the referral to appear in the worker's list");
        var before = tracked[0].GetProperty("priority").GetString();

        const string rationale = "Her sister says she has been staying out overnight with the same men.";
        using var reclassified = await social.PostAsJsonAsync($"/api/referrals/{referralId}/reclassifications", new { priority = "Immediate", rationale });
        Assert.Equal(HttpStatusCode.Created, reclassified.StatusCode);

        var notification = await Eventually.GetAsync(async () =>
        {
            var list = await worker.GetFromJsonAsync<JsonElement>("/api/outreach/my/notifications");
            return list.EnumerateArray().Where(n => n.GetProperty("referralId").GetGuid() == referralId && n.GetProperty("kind").GetString() == "Reclassified")
                .Select(n => new[] { n }).SingleOrDefault();
        }, TimeSpan.FromSeconds(30), "the reclassification to reach the referring worker");

        Assert.Equal(rationale, notification[0].GetProperty("rationale").GetString());
        Assert.Contains($"priority {before} to Immediate", notification[0].GetProperty("summary").GetString(), StringComparison.Ordinal);
        var mineAfter = await worker.GetFromJsonAsync<JsonElement>("/api/outreach/my/referrals");
        var row = mineAfter.EnumerateArray().Single(r => r.GetProperty("referralId").GetGuid() == referralId);
        Assert.Equal("Immediate", row.GetProperty("priority").GetString());
        Assert.Equal(1, row.GetProperty("reclassifications").GetInt32());

        using var otherWorker = platform.Client("OutreachWorker", "e2e-ow-someone-else");
        var theirs = await otherWorker.GetFromJsonAsync<JsonElement>("/api/outreach/my/notifications");
        Assert.DoesNotContain(theirs.EnumerateArray(), n => n.GetProperty("referralId").GetGuid() == referralId);
    }
}
