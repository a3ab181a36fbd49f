using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Support.EndToEnd.Tests;

namespace Support.Web.Tests;

/// <summary>
/// The street screen drawn by the page itself (issue 14, gateway/web/outreach.html): on a first visit over a slow
/// signal the contact form is there, usable, before the app's script has arrived. These tests hold the app's script
/// back (service workers blocked, so every request reaches the route) and check that the form is drawn without it, is
/// the app's own form field for field, asks for the worker's aliases at once, keeps a contact submitted before the
/// app arrived, and that the app then sends it exactly once, with no Content-Security-Policy violation on the way.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class StreetShellTests(Platform platform, Chromium chromium) : IClassFixture<Chromium>
{
    private const string Worker = "demo-outreach";

    // Every control of the contact form as kind|type|id|label|described-by|list|radio value|choices: the same for the
    // page's form and the app's (the "who" choices differ by design: the app adds the worker's young people).
    private const string ContactFormFields = """
        [...document.querySelectorAll('section[aria-labelledby="log-title"] form :is(input, select, textarea, button)')].map(e => [
          e.tagName, e.type, e.id || e.name, e.labels && e.labels[0] ? e.labels[0].textContent.trim() : e.textContent.trim(),
          e.getAttribute('aria-describedby') ?? '', e.getAttribute('list') ?? '', e.type === 'radio' ? e.value : '',
          e.tagName === 'SELECT' && e.id !== 'contact-who' ? [...e.options].map(o => o.value + '=' + o.textContent.trim()).join(',') : '',
        ].join('|'))
        """;

    private const string AppHasRun = "document.querySelector('nav[aria-label=\"Main\"]') !== null";

    [Fact]
    public async Task A_contact_written_before_the_app_script_arrives_is_kept_and_sent_once_when_it_does()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var aliasName = "Shell" + suffix;
        var words = $"Seen at the shelter {suffix}, said she was fine.";
        using var worker = platform.Client("OutreachWorker", Worker);
        Guid aliasId;
        using (var alias = await worker.PostAsJsonAsync("/api/outreach/aliases", new { name = aliasName, approximateAge = 15, area = "Eastwood" }))
        {
            Assert.Equal(HttpStatusCode.Created, alias.StatusCode);
            aliasId = (await Seed.JsonAsync(alias)).GetProperty("id").GetGuid();
        }
        await using var browser = await chromium.NewSessionAsync(platform, width: 360, height: 740, serviceWorkers: false);
        var page = browser.Page;
        await browser.SignInAsync(Worker);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/outreach$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log contact" })).ToBeVisibleAsync();
        var appFields = await page.EvaluateAsync<string[]>(ContactFormFields);

        var release = await HoldTheAppScriptAsync(page);
        await page.GotoAsync("/outreach", new() { WaitUntil = WaitUntilState.Commit });

        // Drawn by the page: the form is there and the app has not run.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log a contact" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log contact" })).ToBeVisibleAsync();
        Assert.False(await page.EvaluateAsync<bool>(AppHasRun), "the app ran although its script was held back");
        Assert.Equal(appFields, await page.EvaluateAsync<string[]>(ContactFormFields));
        var london = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        var when = await page.GetByLabel("When").InputValueAsync();
        Assert.Contains(when, new[] { london.AddMinutes(-1), london, london.AddMinutes(1) }.Select(t => t.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture)));

        // The worker's aliases arrive without the app (the page asked for them), and the contact is written and sent.
        await page.GetByLabel("Who", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{aliasName} (Eastwood)" });
        await page.GetByLabel("Where", new() { Exact = true }).FillAsync("Night shelter " + suffix);
        await page.GetByLabel("A few words").FillAsync(words);
        await page.GetByLabel("High", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Log contact" }).ClickAsync();
        await Assertions.Expect(page.GetByText("sent as soon as the app has loaded")).ToBeVisibleAsync();
        Assert.False(await page.EvaluateAsync<bool>(AppHasRun), "the app ran although its script was held back");
        using (var before = await worker.GetAsync($"/api/outreach/aliases/{aliasId}"))
        {
            Assert.Empty((await Seed.JsonAsync(before)).GetProperty("contacts").EnumerateArray());
        }

        // The app arrives, takes the held contact over and sends it through its own path.
        release.SetResult();
        await Assertions.Expect(page.GetByText("Contact logged")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>(AppHasRun));
        // "Contact logged" is shown on the service's 201: the contact is stored by now.
        var stored = await worker.GetFromJsonAsync<JsonElement>($"/api/outreach/aliases/{aliasId}");
        var contact = Assert.Single(stored.GetProperty("contacts").EnumerateArray());
        Assert.Equal(words, contact.GetProperty("notes").GetString());
        Assert.Equal("Night shelter " + suffix, contact.GetProperty("place").GetString());
        Assert.Equal("High", contact.GetProperty("concern").GetString());
        Assert.Equal(Worker, contact.GetProperty("recordedBy").GetString());
        Assert.Empty(browser.ConsoleProblems); // a Content-Security-Policy violation by the page's own script or style included
    }

    [Fact]
    public async Task Signed_out_the_street_page_draws_no_form_and_the_app_asks_for_sign_in()
    {
        await using var browser = await chromium.NewSessionAsync(platform, width: 360, height: 740, serviceWorkers: false);
        var page = browser.Page;

        var release = await HoldTheAppScriptAsync(page);
        await page.GotoAsync("/outreach", new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("#root")).ToBeAttachedAsync();
        await browser.UntilAsync("document.readyState !== 'loading'", "the page to be parsed");

        Assert.Equal(0, await page.Locator("form").CountAsync());
        release.SetResult();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/signin$"));
        Assert.Empty(browser.ConsoleProblems);
    }

    /// <summary>Holds the app's script (the module /outreach names) until the returned source is completed.</summary>
    private async Task<TaskCompletionSource> HoldTheAppScriptAsync(IPage page)
    {
        using var http = new HttpClient { BaseAddress = platform.Gateway };
        var html = await http.GetStringAsync("/outreach");
        var script = GatewayWebTests.ScriptSource().Match(html).Groups[1].Value;
        Assert.StartsWith("/assets/", script);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(new Uri(platform.Gateway, script).ToString(), async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        return release;
    }
}
