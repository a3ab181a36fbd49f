using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Support.EndToEnd.Tests;

namespace Support.Web.Tests;

/// <summary>
/// Sign-in in Development and CI: the page lists the demo users, the token lives in this tab's session storage (never a
/// cookie) and is gone after sign-out; navigation follows the role, and a commissioner is offered no child-level screen.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SignInTests(Platform platform, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Signing_in_keeps_the_token_out_of_cookies_and_signing_out_removes_it()
    {
        await using var browser = await chromium.NewSessionAsync(platform);
        var page = browser.Page;
        await page.GotoAsync("/young-people");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/signin$")); // a child-level screen sends a signed-out visitor to sign in
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in as demo-socialworker" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("sign-in");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

        await browser.SignInAsync("demo-socialworker");
        var stored = await page.EvaluateAsync<string?>("() => sessionStorage.getItem('support.session')");
        Assert.NotNull(stored);
        Assert.Contains("\"roles\":[\"SocialWorker\"]", stored, StringComparison.Ordinal);
        Assert.Empty(await browser.Context.CookiesAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Find a young person" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Overdue and due today" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/signin$"));
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('support.session')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length"));
        Assert.Empty(browser.ConsoleProblems);
    }

    [Fact]
    public async Task A_commissioner_is_offered_no_child_level_screen()
    {
        await using var browser = await chromium.NewSessionAsync(platform);
        var page = browser.Page;
        await browser.SignInAsync("demo-commissioner");
        // Aggregate screens only: the reports and the hotspot map.
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link))
            .ToHaveTextAsync(["Reports", "Hotspot map"]);

        await page.GotoAsync("/young-people");
        await Assertions.Expect(page.GetByText("This screen is not available to your role.")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("form[role=search]").CountAsync());
    }
}
