using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Testing;

namespace Support.EndToEnd.Tests;

/// <summary>
/// Referral intake through the gateway: a referral with the young person's details inline registers them, gets its
/// priority and deadline from its content (REF-01, REF-04), reads back, and the registration reaches other services.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ReferralIntakeEndToEndTests(Platform platform)
{
    [Fact]
    public async Task A_referral_posted_through_the_gateway_is_stored_and_read_back_with_its_priority_and_deadline()
    {
        using var outreach = platform.Client("OutreachWorker", "e2e-rb");
        using var social = platform.Client("SocialWorker", "e2e-sw");

        using var posted = await outreach.PostAsJsonAsync("/api/referrals", new
        {
            youngPerson = new { givenName = "Leah", familyName = "Intake", dateOfBirth = "2011-09-09", gender = "Female", localArea = "Eastwood" },
            referrerRole = "OutreachWorker",
            referrerOrganisation = "Risky Business",
            cseType = "StreetGrooming",
            adultInvolved = true,
            riskIndicators = new[] { "DrivenAroundInCars", "AlcoholOrDrugsSupplied" },
            sexualActivity = false,
            disclosureOfAssault = false,
            occurredAt = DateTimeOffset.UtcNow.AddHours(-4),
            narrative = "Picked up from the park by two men in a silver car, given vodka.",
        });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var created = await posted.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var youngPersonId = created.GetProperty("youngPerson").GetProperty("id").GetGuid();
        Assert.True(created.GetProperty("youngPerson").GetProperty("registeredNow").GetBoolean());

        var read = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}");
        Assert.Equal("Urgent", read.GetProperty("priority").GetString());
        Assert.Equal("OutreachWorker", read.GetProperty("referrerRole").GetString());
        Assert.Equal(created.GetProperty("decisionDue").GetProperty("utc").GetDateTimeOffset(), read.GetProperty("decisionDue").GetProperty("utc").GetDateTimeOffset());
        Assert.Equal("street-grooming", read.GetProperty("responsePathway").GetProperty("code").GetString());
        var list = await social.GetFromJsonAsync<JsonElement>($"/api/referrals?youngPersonId={youngPersonId}");
        Assert.Equal(id, Assert.Single(list.EnumerateArray()).GetProperty("id").GetGuid());

        using var commissioner = platform.Client("Commissioner", "e2e-commissioner");
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync($"/api/referrals/{id}")).StatusCode);

        // The inline registration went out through the outbox like any other.
        await Eventually.TrueAsync(async () => (await social.GetAsync($"/api/missing/young-people/{youngPersonId}")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the Missing service to learn of the young person registered at intake");
    }
}
