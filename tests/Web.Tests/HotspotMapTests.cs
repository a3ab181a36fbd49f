using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Support.EndToEnd.Tests;

namespace Support.Web.Tests;

/// <summary>
/// The hotspot map (OUT-08) over Outreach's report: each place with coordinates is a marker on a blank layer (no
/// tile server is reachable, and the Content-Security-Policy would refuse one that is not configured), the same
/// counts are in the table beside it, and a place with a single contact shows "c", never 1.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class HotspotMapTests(Platform platform, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task A_commissioner_sees_places_as_markers_on_a_blank_map_with_suppressed_counts_beside_them()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        using var worker = platform.Client("OutreachWorker", "web-map-outreach");
        var quiet = await LocationAsync(worker, $"Quiet alley {suffix}", 53.4401m, -1.3502m);
        var busy = await LocationAsync(worker, $"Busy interchange {suffix}", 53.4318m, -1.3571m);
        var alias = await AliasAsync(worker, $"Map{suffix}");
        await ContactAsync(worker, alias, quiet);
        for (var i = 0; i < 8; i++)
        {
            await ContactAsync(worker, alias, busy);
        }

        await using var browser = await chromium.NewSessionAsync(platform);
        var page = browser.Page;
        var tileRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(platform.Gateway.ToString().TrimEnd('/'), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                tileRequests.Add(request.Url);
            }
        };
        await browser.SignInAsync("demo-commissioner");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hotspot map" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hotspots", Level = 1 })).ToBeVisibleAsync();

        var table = page.GetByTestId("hotspot-table");
        var quietRow = table.GetByRole(AriaRole.Row).Filter(new() { HasText = $"Quiet alley {suffix}" });
        await Assertions.Expect(quietRow.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("c");
        await Assertions.Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = $"Busy interchange {suffix}" })).ToBeVisibleAsync();
        var map = page.GetByTestId("hotspot-map");
        await Assertions.Expect(map.Locator(".leaflet-tooltip").Filter(new() { HasText = $"Quiet alley {suffix}: c contacts" })).ToBeVisibleAsync();
        await Assertions.Expect(map.Locator(".leaflet-tooltip").Filter(new() { HasText = $"Busy interchange {suffix}:" })).ToBeVisibleAsync();
        Assert.True(await map.Locator("path.hotspot-marker").CountAsync() >= 2);
        Assert.Equal(0, await map.Locator("img.leaflet-tile").CountAsync());
        await browser.ScreenshotAsync("hotspot-map");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

        // Phone width: the map and the table stack, nothing scrolls sideways.
        await page.SetViewportSizeAsync(360, 740);
        await browser.ScreenshotAsync("hotspot-map-phone");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "the page scrolls sideways at 360 px");
        Assert.Empty(tileRequests);
        Assert.Empty(browser.ConsoleProblems);
    }

    private static async Task<Guid> LocationAsync(HttpClient worker, string name, decimal latitude, decimal longitude)
    {
        using var response = await worker.PostAsJsonAsync("/api/outreach/locations", new { name, type = "Alleyway", area = "Clifton", latitude, longitude });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Seed.JsonAsync(response)).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> AliasAsync(HttpClient worker, string name)
    {
        using var response = await worker.PostAsJsonAsync("/api/outreach/aliases", new { name, approximateAge = 15, area = "Clifton" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Seed.JsonAsync(response)).GetProperty("id").GetGuid();
    }

    private static async Task ContactAsync(HttpClient worker, Guid aliasId, Guid locationId)
    {
        using var response = await worker.PostAsJsonAsync("/api/outreach/contacts", new
        {
            aliasId, channel = "Street", contactedAt = DateTimeOffset.UtcNow.AddMinutes(-30), locationId, notes = "Seen by the map test.", concern = "Medium",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
