using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Testing;

namespace Support.EndToEnd.Tests;

/// <summary>The gateway's own duties, checked against the real services behind it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class GatewayTests(Platform platform)
{
    public static TheoryData<string> Services => new(Platform.Services.Select(s => s.Route));

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_service_route_needs_a_token(string service)
    {
        using var client = platform.Client();

        using var response = await client.GetAsync($"/api/{service}/young-people/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task A_commissioner_gets_403_on_every_identifiable_route(string service)
    {
        using var client = platform.Client("Commissioner", "e2e-commissioner");

        using var response = await client.GetAsync($"/api/{service}/young-people/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Public_webhook_routes_are_rate_limited_per_client()
    {
        using var client = platform.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Platform.WebhookPermitsPerMinute + 2; i++)
        {
            using var response = await client.PostAsync("/api/supportline/webhooks/sms", new FormUrlEncodedContent([]));
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(Platform.WebhookPermitsPerMinute), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task The_start_page_and_service_health_show_every_service_ready()
    {
        using var client = platform.Client();

        var page = await client.GetStringAsync("/");
        var health = await client.GetFromJsonAsync<JsonElement>("/health/services");

        // The web app's shell (gateway/web, built into wwwroot); its public /status screen reads /health/services.
        Assert.Contains("<div id=\"root\"></div>", page, StringComparison.Ordinal);
        var statuses = health.EnumerateArray().ToDictionary(s => s.GetProperty("service").GetString()!, s => s.GetProperty("status").GetString());
        Assert.Equal(Platform.Services.Select(s => s.Route).Order(), statuses.Keys.Order());
        Assert.All(statuses.Values, s => Assert.Equal("Ready", s));
    }

    [Fact]
    public async Task The_leaving_care_spelling_is_a_permanent_redirect_to_the_one_leavingcare_route()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = platform.Gateway };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create("TeamManager", "e2e-spelling"));

        using var read = await client.GetAsync("/api/leaving-care/alerts?kind=Handover&includeAcknowledged=true");
        using var write = await client.PostAsJsonAsync("/api/leaving-care/advisers", new { });

        // 308 keeps the method and body, so a client that follows it repeats the same request at the one route.
        Assert.Equal((HttpStatusCode.PermanentRedirect, "/api/leavingcare/alerts?kind=Handover&includeAcknowledged=true"),
            (read.StatusCode, read.Headers.Location?.OriginalString));
        Assert.Equal((HttpStatusCode.PermanentRedirect, "/api/leavingcare/advisers"), (write.StatusCode, write.Headers.Location?.OriginalString));
        using var followed = await client.GetAsync(read.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await followed.Content.ReadFromJsonAsync<JsonElement>()).ValueKind);
    }

    [Fact]
    public async Task Only_the_leavingcare_spelling_is_proxied()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var anonymous = new HttpClient(handler) { BaseAddress = platform.Gateway };

        // The old spelling never reaches the service: without a token it is still only a redirect, and the one route
        // then asks for the token.
        using var redirected = await anonymous.GetAsync($"/api/leaving-care/young-people/{Guid.NewGuid()}/leaving-care");
        using var canonical = await anonymous.GetAsync(redirected.Headers.Location);

        Assert.Equal(HttpStatusCode.PermanentRedirect, redirected.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, canonical.StatusCode);
    }

    [Fact]
    public async Task A_request_without_a_correlation_id_is_given_one()
    {
        using var client = platform.Client();

        using var response = await client.GetAsync("/health/live");

        Assert.True(response.Headers.TryGetValues("X-Correlation-Id", out var values));
        Assert.Matches("^[0-9a-f]{32}$", values.Single());
    }
}
