using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Support.Contracts.Missing;
using Support.Contracts.Referrals;
using Support.Contracts.Risk;
using Support.Contracts.UnmetNeeds;

namespace Support.Therapy.Tests;

/// <summary>
/// Part I, COM-04: no name, date of birth, phone number, free text or id of a young person in any response a
/// commissioner or governance member can reach. The endpoints are found from the running service's own route table and
/// authorization policies, not from a list kept by hand, so a new endpoint is walked the day it is added.
/// </summary>
public sealed class CommissionerPrivacyTests(TherapyFixture fixture) : IClassFixture<TherapyFixture>
{
    private const string Phone = "07700 900461";
    private const string FreeText = "Disclosed at Kestrel Lane flat";
    private const string Note = "Told us about the men at the takeaway";
    private const string Views = "The counsellor at Wrenfield listened to me";

    [Theory]
    [InlineData("Commissioner")]
    [InlineData("Governance")]
    public async Task Every_endpoint_an_aggregate_reader_can_reach_answers_without_any_seeded_young_persons_details(string role)
    {
        var seeded = await SeedAsync();
        var endpoints = await ReachableGetEndpointsAsync(role);
        Assert.Contains("/api/therapy/reports/unmet-need", endpoints);
        Assert.Contains("/api/therapy/reports/referral-outcomes", endpoints);
        Assert.Contains("/api/therapy/reports/feedback", endpoints);
        Assert.Contains("/api/therapy/reports/cse-triggers", endpoints);
        Assert.Contains("/api/therapy/reports/referral-demand", endpoints);
        Assert.DoesNotContain(endpoints, e => e.Contains("young-people", StringComparison.Ordinal));

        using var client = fixture.Client(role, $"privacy-{role}");
        var scanned = 0;
        foreach (var template in endpoints)
        {
            var path = template.Replace("{id:guid}", seeded.Ids[0].ToString()).Replace("{referralId:guid}", seeded.Ids[1].ToString())
                .Replace("{offerId:guid}", seeded.Ids[2].ToString());
            foreach (var query in new[] { "", "?year=2026-27", "?year=2026-27&format=csv" })
            {
                using var response = await client.GetAsync(path + query);
                Assert.True((int)response.StatusCode < 500, $"{path}{query} answered {response.StatusCode}");
                var body = await response.Content.ReadAsStringAsync();
                foreach (var secret in seeded.Secrets)
                {
                    Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{path}{query} shows '{secret}' to a {role}: {body}");
                }
                scanned++;
            }
        }
        Assert.True(scanned >= 12, $"only {scanned} responses scanned");
    }

    private sealed record Seeded(IReadOnlyList<Guid> Ids, IReadOnlyList<string> Secrets);

    private async Task<Seeded> SeedAsync()
    {
        var dateOfBirth = new DateOnly(2010, 3, 14);
        var youngPerson = await fixture.RegisterAsync(dateOfBirth, "Jodie Marrowfield");
        await fixture.SetRiskAsync(youngPerson, RiskLevel.High, fixture.Now.AddDays(-1), RiskIndicator.PickedUpByTaxi);
        await fixture.AssignKeyWorkerAsync(youngPerson, "kw-privacy");
        var offer = await fixture.OfferAsync("Privacy CAMHS", "Privacy clinic", "Camhs");
        using var social = fixture.Client("SocialWorker", "sw-privacy");
        using var made = await social.PostAsJsonAsync("/api/therapy/referrals", new
        {
            youngPersonId = youngPerson, offerId = offer, referredAt = fixture.Now.AddDays(-1).ToString("O"), reason = $"{FreeText}; call {Phone}",
        });
        made.EnsureSuccessStatusCode();
        var referral = (await made.JsonAsync()).GetProperty("id").GetGuid();
        using var clinician = fixture.Client("CamhsClinician", "camhs-privacy");
        using var declined = await clinician.PostAsJsonAsync($"/api/therapy/referrals/{referral}/decline", new
        {
            reason = "BelowThreshold", cseHistoryConsidered = true, declinedAt = fixture.Now.ToString("O"), note = Note,
        });
        declined.EnsureSuccessStatusCode();
        var unmetNeedId = (await declined.JsonAsync()).GetProperty("unmetNeedId").GetGuid();
        // The ledger is fed from the bus: deliver the decline's unmet need as the relay would.
        await fixture.DeliverAsync("unmet-need.ledger", new UnmetNeedRecorded
        {
            UnmetNeedId = unmetNeedId, YoungPersonId = youngPerson, NeedCategory = "Camhs", Reason = UnmetNeedReason.CriteriaNotMet,
            RecordedByService = "therapy", RecordedBy = "camhs-privacy", OccurredAt = fixture.Now,
        });
        // COM-03, COM-06, COM-12: the read models of other services' events hold this young person too.
        await fixture.DeliverAsync("commissioning.referral-received", Commissioning.Referral(youngPerson, ReferrerRole.School, CseType.OnlineGrooming,
            fixture.Now.AddDays(-2), 16, 15, false, RiskIndicator.SchoolAbsence));
        await fixture.DeliverAsync("commissioning.missing-episode-reported", new MissingEpisodeReported
        {
            EpisodeId = Guid.NewGuid(), YoungPersonId = youngPerson, MissingFrom = MissingFrom.Home, LastSeenAt = fixture.Now.AddDays(-3),
            ReportedAt = fixture.Now.AddDays(-3), OccurredAt = fixture.Now.AddDays(-3),
        });
        using var health = fixture.Client("HealthPartner", "hp-privacy");
        (await health.PostAsJsonAsync($"/api/therapy/young-people/{youngPerson}/health-indicators",
            new { type = "Sti", occurredAt = fixture.Now.AddDays(-2).ToString("O"), sharingBasis = "Consent" })).EnsureSuccessStatusCode();

        // THR-07: views of a service, with words and agreement to share, are in the feedback report only as suppressed counts.
        var counselling = await fixture.OfferAsync("Privacy Counselling", "Privacy room", "CounsellingVoluntarySector");
        using var seen = await social.PostAsJsonAsync("/api/therapy/referrals", new
        {
            youngPersonId = youngPerson, offerId = counselling, referredAt = fixture.Now.AddDays(-1).ToString("O"), reason = "Counselling.",
        });
        seen.EnsureSuccessStatusCode();
        var started = (await seen.JsonAsync()).GetProperty("id").GetGuid();
        (await clinician.PostAsJsonAsync($"/api/therapy/referrals/{started}/accept", new { acceptedAt = fixture.Now.AddHours(-3).ToString("O") })).EnsureSuccessStatusCode();
        (await clinician.PostAsJsonAsync($"/api/therapy/referrals/{started}/first-appointment", new { firstAppointmentAt = fixture.Now.AddHours(-2).ToString("O") }))
            .EnsureSuccessStatusCode();
        (await clinician.PostAsJsonAsync($"/api/therapy/referrals/{started}/feedback", new
        {
            moment = "AfterStart", givenAt = fixture.Now.AddHours(-1).ToString("O"), method = "Sms", listenedTo = 5, helped = 4, words = Views, workerMaySee = true,
        })).EnsureSuccessStatusCode();

        return new Seeded([youngPerson, referral, offer],
        [
            "Jodie", "Marrowfield", "2010-03-14", "14/03/2010", Phone, Phone.Replace(" ", ""), FreeText, Note, "Kestrel",
            youngPerson.ToString(), referral.ToString(), unmetNeedId.ToString(), "kw-privacy", "sw-privacy", "camhs-privacy", Views, "Wrenfield",
            started.ToString(),
        ]);
    }

    /// <summary>Every GET route whose authorization lets <paramref name="role"/> through, from the service's own endpoints and policies.</summary>
    private async Task<List<string>> ReachableGetEndpointsAsync(string role)
    {
        var services = fixture.Host.Services;
        var policies = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var authorization = services.GetRequiredService<IAuthorizationService>();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role), new Claim("sub", "privacy")], "test", "sub", ClaimTypes.Role));
        var reachable = new List<string>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [];
            if (!methods.Contains("GET") || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                continue;
            }
            var policy = await AuthorizationPolicy.CombineAsync(policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>())
                ?? await policies.GetFallbackPolicyAsync();
            if (policy is null || (await authorization.AuthorizeAsync(user, policy)).Succeeded)
            {
                reachable.Add("/" + endpoint.RoutePattern.RawText!.TrimStart('/'));
            }
        }
        return reachable;
    }
}
