using System.Net;
using System.Text.Json;

namespace Support.Referrals.Tests;

public sealed class OpenApiDocumentTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    [Fact]
    public async Task The_service_describes_its_endpoints_at_openapi_v1_json_without_a_token()
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/referrals/young-people", paths);
        Assert.Contains("/api/referrals/risk-reviews/{id}", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/health", StringComparison.Ordinal));
        // The chronology is written by generated serialisation code; its 200 still describes the response body.
        var chronologyOk = document.RootElement.GetProperty("paths").GetProperty("/api/referrals/young-people/{id}/chronology")
            .GetProperty("get").GetProperty("responses").GetProperty("200");
        Assert.True(chronologyOk.GetProperty("content").TryGetProperty("application/json", out _));
    }
}
