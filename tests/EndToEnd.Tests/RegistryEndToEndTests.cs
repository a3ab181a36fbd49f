using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Testing;

namespace Support.EndToEnd.Tests;

/// <summary>
/// Register a young person through the gateway and watch every other service learn of them over the real bus:
/// the walking skeleton of the platform.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RegistryEndToEndTests(Platform platform)
{
    private static readonly string[] ProjectingServices = ["outreach", "missing", "therapy", "leavingcare", "supportline"];

    private static object Person(string family, string dateOfBirth) => new
    {
        givenName = "Ellie", familyName = family, dateOfBirth, gender = "Female", localArea = "Rotherham Central",
        phoneNumbers = new[] { "07700 900999" },
    };

    [Fact]
    public async Task A_young_person_registered_through_the_gateway_reaches_every_services_projection()
    {
        using var client = platform.Client("SocialWorker", "e2e-sw");

        using var created = await client.PostAsJsonAsync("/api/referrals/young-people", Person("Endtoend", "2009-03-04"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        foreach (var service in ProjectingServices)
        {
            var body = await Eventually.GetAsync(async () =>
            {
                using var response = await client.GetAsync($"/api/{service}/young-people/{id}");
                return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
            }, TimeSpan.FromSeconds(30), $"{service} to project the registration");
            var projection = JsonDocument.Parse(body).RootElement;
            Assert.Equal("Ellie Endtoend", projection.GetProperty("displayName").GetString());
            Assert.Equal("2009-03-04", projection.GetProperty("dateOfBirth").GetString());
            // Phone numbers never leave the registry.
            Assert.DoesNotContain("07700", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_correction_through_the_gateway_updates_every_projection()
    {
        using var client = platform.Client("SocialWorker", "e2e-sw");
        using var created = await client.PostAsJsonAsync("/api/referrals/young-people", Person("Typo", "2010-10-10"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var corrected = await client.PostAsJsonAsync($"/api/referrals/young-people/{id}/corrections",
            new { details = Person("Corrected", "2010-10-11"), reason = "Surname and date of birth confirmed with school" });
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);

        foreach (var service in ProjectingServices)
        {
            await Eventually.TrueAsync(async () =>
            {
                using var response = await client.GetAsync($"/api/{service}/young-people/{id}");
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return false;
                }
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                return body.GetProperty("detailsVersion").GetInt32() == 2
                    && body.GetProperty("displayName").GetString() == "Ellie Corrected"
                    && body.GetProperty("dateOfBirth").GetString() == "2010-10-11";
            }, TimeSpan.FromSeconds(30), $"{service} to apply the correction");
        }
    }

    [Fact]
    public async Task The_correlation_id_given_at_the_gateway_is_kept_in_the_services_audit_trail()
    {
        using var client = platform.Client("SocialWorker", "e2e-correlated");
        using var created = await client.PostAsJsonAsync("/api/referrals/young-people", Person("Correlated", "2011-01-01"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/referrals/young-people/{id}");
        read.Headers.Add("X-Correlation-Id", "e2e-trace-123");
        using var response = await client.SendAsync(read);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("e2e-trace-123", response.Headers.GetValues("X-Correlation-Id").Single());

        using var manager = platform.Client("TeamManager", "e2e-tm");
        var log = await manager.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{id}/access-log");
        Assert.Contains(log.EnumerateArray(), e =>
            e.GetProperty("actor").GetString() == "e2e-correlated" && e.GetProperty("correlationId").GetString() == "e2e-trace-123");
    }
}
