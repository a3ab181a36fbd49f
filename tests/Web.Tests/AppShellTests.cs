using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Support.EndToEnd.Tests;

namespace Support.Web.Tests;

/// <summary>
/// The outreach worker's phone (issue 14): the app is a progressive web app. Its service worker registers, keeps the
/// app shell, and the shell opens with no connection at all, the contact form ready; API answers are never cached.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AppShellTests(Platform platform, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task The_service_worker_registers_and_the_outreach_screen_opens_with_no_connection()
    {
        await using var browser = await chromium.NewSessionAsync(platform, width: 360, height: 740);
        var page = browser.Page;
        await browser.SignInAsync("demo-outreach");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/outreach$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log a contact" })).ToBeVisibleAsync();

        // Registered, active and in control of the page (clientsClaim), with the shell precached.
        var scope = await page.EvaluateAsync<string>("navigator.serviceWorker.ready.then(r => r.scope)");
        Assert.Equal(platform.Gateway.ToString(), scope);
        await browser.UntilAsync("navigator.serviceWorker.controller !== null", "the service worker to control the page");
        await browser.UntilAsync(
            "caches.keys().then(keys => Promise.all(keys.map(k => caches.open(k).then(c => c.keys())))).then(all => all.flat().some(r => r.url.endsWith('/index.html') || r.url.includes('index.html?')))",
            "the app shell to be precached");
        var cachedApi = await page.EvaluateAsync<int>(
            "caches.keys().then(keys => Promise.all(keys.map(k => caches.open(k).then(c => c.keys())))).then(all => all.flat().filter(r => new URL(r.url).pathname.startsWith('/api/')).length)");
        Assert.Equal(0, cachedApi);

        // No signal at all: the shell still opens from the cache, signed in (the token is in this tab's session).
        await browser.Context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log a contact" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("A few words")).ToBeEditableAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "the page scrolls sideways at 360 px");
        await browser.Context.SetOfflineAsync(false);

        // The manifest is served for installation on the home screen.
        using var http = new HttpClient { BaseAddress = platform.Gateway };
        using var manifest = await http.GetAsync("/manifest.webmanifest");
        Assert.Equal(HttpStatusCode.OK, manifest.StatusCode);
        var json = JsonDocument.Parse(await manifest.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("standalone", json.GetProperty("display").GetString());
        using var worker = await http.GetAsync("/sw.js");
        Assert.Equal("no-cache", worker.Headers.CacheControl?.ToString());
    }
}
