using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Contracts.Missing;
using Support.Contracts.Risk;
using Support.Testing;

namespace Support.EndToEnd.Tests;

/// <summary>
/// MIS-03 and REF-16, through the gateway over the real bus: a young person goes missing, returns, and a return-home
/// interview finds indicators; a risk review opens in Referrals without anyone having to remember, exactly once even
/// when the finding is delivered again.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class MissingToRiskReviewEndToEndTests(Platform platform)
{
    [Fact]
    public async Task A_completed_return_interview_with_indicators_opens_exactly_one_risk_review()
    {
        using var social = platform.Client("SocialWorker", "e2e-sw");
        using var rhi = platform.Client("RhiWorker", "e2e-rhi");
        using var registered = await social.PostAsJsonAsync("/api/referrals/young-people", new
        {
            givenName = "Nadia", familyName = "Returned", dateOfBirth = "2011-05-05", gender = "Female", localArea = "Eastwood",
        });
        var youngPersonId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Eventually.TrueAsync(async () => (await social.GetAsync($"/api/missing/young-people/{youngPersonId}")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the Missing service to know the young person");

        var now = DateTimeOffset.UtcNow;
        using var reported = await social.PostAsJsonAsync("/api/missing/episodes", new
        {
            youngPersonId, missingFrom = "Home", lastSeenAt = now.AddHours(-6), lastSeenLocation = "Bus station",
            believedWith = "Two older men in a silver car", reportedBy = "Mother", circumstances = "Did not come home after school",
        });
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var episodeId = (await reported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var returned = await social.PostAsJsonAsync($"/api/missing/episodes/{episodeId}/return", new
        {
            returnedAt = DateTimeOffset.UtcNow, whereFound = "Takeaway on the ring road", howReturned = "Dropped off by a taxi",
        });
        Assert.Equal(HttpStatusCode.Created, returned.StatusCode);
        var interviewId = Guid.Parse(returned.Headers.Location!.ToString().Split('/')[^1]);

        Assert.Equal(HttpStatusCode.OK, (await rhi.PostAsJsonAsync($"/api/missing/return-interviews/{interviewId}/offer",
            new { offeredAt = DateTimeOffset.UtcNow })).EnsureSuccessStatusCode().StatusCode);
        using var completed = await rhi.PostAsJsonAsync($"/api/missing/return-interviews/{interviewId}/complete", new
        {
            conductedAt = DateTimeOffset.UtcNow, whereTheyWere = "A flat above a takeaway", locations = new[] { "Ring road" },
            whoWith = "Men she calls uncles", riskIndicators = new[] { "PickedUpByTaxi", "AlcoholOrDrugsSupplied" },
            disclosureMade = false, informationSharingBasis = "SafeguardingOverride", youngPersonsWords = "They said I owe them",
        });
        completed.EnsureSuccessStatusCode();

        var reviews = await Eventually.GetAsync(async () =>
        {
            var list = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/risk-reviews?youngPersonId={youngPersonId}");
            return list.GetArrayLength() > 0 ? list.GetRawText() : null;
        }, TimeSpan.FromSeconds(30), "a risk review to open in Referrals");
        var review = Assert.Single(JsonDocument.Parse(reviews).RootElement.EnumerateArray());
        Assert.Equal("ReturnInterviewCompleted", review.GetProperty("trigger").GetString());
        Assert.Equal($"return-interview:{interviewId}", review.GetProperty("triggerReference").GetString());
        Assert.Contains("PickedUpByTaxi", review.GetProperty("indicators").EnumerateArray().Select(i => i.GetString()));

        // The same finding delivered again (a redelivery or a re-sent event) must not open a second review.
        var bus = await TestBus.StartAsync();
        try
        {
            var again = new ReturnInterviewCompleted
            {
                InterviewId = interviewId, EpisodeId = episodeId, YoungPersonId = youngPersonId, CompletedAt = DateTimeOffset.UtcNow,
                Indicators = [RiskIndicator.PickedUpByTaxi], DisclosureMade = false, Locations = [], SharingBasis = "SafeguardingOverride",
                OccurredAt = DateTimeOffset.UtcNow,
            };
            var resent = Guid.NewGuid();
            await bus.PublishAsync(again, resent);
            await platform.WaitForConsumedAsync("referrals", "risk-reviews.open-on-return-interview-completed", resent);
        }
        finally
        {
            await bus.StopAsync();
        }
        var after = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/risk-reviews?youngPersonId={youngPersonId}");
        Assert.Equal(1, after.GetArrayLength());
    }
}
