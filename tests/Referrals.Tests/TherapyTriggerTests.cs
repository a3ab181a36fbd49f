using System.Net.Http.Json;
using MassTransit;
using Support.Contracts.Risk;
using Support.Contracts.Therapy;
using Support.Referrals.Domain;
using Support.Referrals.Features.RiskReviews;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>
/// THR-01, THR-08, REF-16 over the real broker: a declined therapy referral and a health indicator each open one risk
/// review, however often they are delivered, carrying the indicators the Therapy service sent.
/// </summary>
[Collection(RealBusCollection.Name)]
public sealed class TherapyTriggerTests() : RealBusReferralsTests("referrals-therapy")
{
    private async Task<List<RiskReviewResponse>> ReviewsAsync(Guid youngPersonId)
    {
        using var client = Host.ClientFor(Roles.SocialWorker);
        return (await client.GetFromJsonAsync<List<RiskReviewResponse>>($"/api/referrals/risk-reviews?youngPersonId={youngPersonId}", YoungPersonRequests.Json))!;
    }

    [Fact]
    public async Task A_declined_therapy_referral_opens_one_risk_review_with_its_indicators_even_when_sent_twice()
    {
        var person = Guid.NewGuid();
        var declined = new TherapyReferralDeclined
        {
            ReferralId = Guid.NewGuid(), YoungPersonId = person, OfferId = Guid.NewGuid(), OfferType = OfferType.Camhs,
            Reason = TherapyDeclineReason.NotMentallyIll, CseHistoryConsidered = true, RiskLevel = RiskLevel.High,
            Indicators = [RiskIndicator.MissingFromHome, RiskIndicator.SelfHarm], UnmetNeedId = Guid.NewGuid(), DecidedBy = "camhs-1",
            OccurredAt = DateTimeOffset.UtcNow,
        };

        var resent = Guid.NewGuid();
        await Bus.PublishAsync(declined, Guid.NewGuid());
        await Bus.PublishAsync(declined, resent);
        await Eventually.GetAsync(async () => await ReviewsAsync(person) is { Count: > 0 } list ? list : null, because: "a risk review to open");
        await Consumed.WaitForAsync("referrals-therapy-referral-declined", resent);

        var review = Assert.Single(await ReviewsAsync(person));
        Assert.Equal(RiskReviewTrigger.TherapyReferralDeclined, review.Trigger);
        Assert.Equal($"therapy-referral-declined:{declined.ReferralId}", review.TriggerReference);
        Assert.Equal(new[] { RiskIndicator.MissingFromHome, RiskIndicator.SelfHarm }, review.Indicators.Order());
    }

    [Fact]
    public async Task A_health_indicator_of_an_under_13_pregnancy_opens_an_urgent_risk_review()
    {
        using var social = Host.ClientFor(Roles.SocialWorker);
        var twelve = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-12).AddMonths(-3);
        using var registered = await social.PostAsJsonAsync("/api/referrals/young-people", new
        {
            givenName = "Amber", familyName = "Clinic", dateOfBirth = twelve.ToString("yyyy-MM-dd"), gender = "Female", localArea = "Eastwood",
        });
        registered.EnsureSuccessStatusCode();
        var person = (await registered.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        await Bus.PublishAsync(new HealthIndicatorRecorded
        {
            HealthIndicatorId = Guid.NewGuid(), YoungPersonId = person, Type = HealthIndicatorType.Pregnancy, RiskIndicators = [RiskIndicator.Pregnancy],
            AgeAtEvent = 12, SharingBasis = "SafeguardingOverride", RecordedBy = "hp-1", OccurredAt = DateTimeOffset.UtcNow,
        }, Guid.NewGuid());

        var review = Assert.Single(await Eventually.GetAsync(async () => await ReviewsAsync(person) is { Count: > 0 } list ? list : null,
            because: "a risk review to open"));
        Assert.Equal(RiskReviewTrigger.HealthIndicator, review.Trigger);
        Assert.Equal(new[] { RiskIndicator.Pregnancy }, review.Indicators);
        Assert.True(review.Urgent); // a pregnancy under 13 is VeryHigh (Part I): due in 1 working day
    }
}
