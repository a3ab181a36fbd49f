using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Support.EndToEnd.Tests;
using Support.Testing;

namespace Support.Web.Tests;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, installed by <c>tools/infra install</c>) driven by Playwright: it cannot
/// download its own browser here. The flags keep Chromium off the network it cannot reach (background updates, sync).
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: `tools/infra install` installs Debian's chromium.");
        }
        // Playwright's assertions give up after 5 s by default; on a two-core CI machine running another test
        // project beside this one, a dashboard of six service calls can take longer than that to fill in. The
        // assertions still retry and pass as soon as the page shows what they expect.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
    }

    /// <summary>
    /// A fresh browser profile (no storage shared between tests) at desktop width, in UK time. Without service workers
    /// every request reaches the network, where a test's route can see and hold it.
    /// </summary>
    public async Task<BrowserSession> NewSessionAsync(Platform platform, int width = 1280, int height = 900, bool serviceWorkers = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = platform.Gateway.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = "Europe/London",
            Locale = "en-GB",
            ServiceWorkers = serviceWorkers ? ServiceWorkerPolicy.Allow : ServiceWorkerPolicy.Block,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var session = new BrowserSession(context, page);
        page.Console += (_, message) =>
        {
            // The browser logs every 4xx it is answered as "Failed to load resource"; the journeys provoke some on
            // purpose (a refused write), so those are not problems. Anything else, a CSP violation included, is.
            // With service workers blocked, Playwright itself warns of each registration it refused.
            if (message.Type is "error" or "warning" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)
                && !(!serviceWorkers && message.Text == "Service Worker registration blocked by Playwright"))
            {
                session.ConsoleProblems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => session.ConsoleProblems.Add(error);
        return session;
    }
}

public sealed class BrowserSession(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IBrowserContext Context { get; } = context;

    public IPage Page { get; } = page;

    /// <summary>Console errors and warnings, Content-Security-Policy violations among them.</summary>
    public List<string> ConsoleProblems { get; } = [];

    /// <summary>Signs in through the sign-in page by choosing a demo user, as a person would.</summary>
    public async Task SignInAsync(string user)
    {
        await Page.GotoAsync("/signin");
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Sign in as {user}" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
    }

    /// <summary>
    /// Signs in as any user with any role through the sign-in page's "Another role" form (development sign-in), as a
    /// person would: for a sign-in no demo user stands for, such as a young person's own.
    /// </summary>
    public async Task SignInAsAsync(string user, string role)
    {
        await Page.GotoAsync("/signin");
        await Page.GetByLabel("Role code", new() { Exact = true }).FillAsync(role);
        await Page.GetByLabel("User", new() { Exact = true }).FillAsync(user);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
    }

    /// <summary>
    /// Polls a JavaScript expression (a promise is awaited) until it is true, with a deadline. Playwright's own
    /// WaitForFunction polls through eval, which the gateway's Content-Security-Policy rightly refuses.
    /// </summary>
    public Task UntilAsync(string expression, string because, int seconds = 20) =>
        Support.Testing.Eventually.TrueAsync(() => Page.EvaluateAsync<bool>(expression), TimeSpan.FromSeconds(seconds), because);

    /// <summary>Writes a screenshot of the current screen under artifacts/screenshots.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var directory = Path.Combine(TestEnvironment.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, $"{name}.png"), FullPage = true });
    }

    /// <summary>Runs axe (WCAG 2.x A and AA rules) on the page and returns the serious and critical violations.</summary>
    public async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync()
    {
        var result = await Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")
            .ToList();
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
