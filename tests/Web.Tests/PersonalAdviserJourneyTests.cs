using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Support.EndToEnd.Tests;
using Support.ServiceDefaults.Time;
using Support.Testing;

namespace Support.Web.Tests;

/// <summary>
/// Journey 4 of issue 14: a personal adviser opens the handover alert for a young person on their caseload who turns 18
/// within 90 days, reads the pack, acknowledges it, is shown the server's refusal next to the field it names, and
/// records that the young person's whereabouts are unknown (LC-01, LC-03, LC-04).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PersonalAdviserJourneyTests(Platform platform, Chromium chromium) : IClassFixture<Chromium>
{
    private const string Adviser = "demo-adviser";

    [Fact]
    public async Task A_personal_adviser_acknowledges_a_handover_alert_with_its_pack_and_records_whereabouts_unknown()
    {
        var family = "Webadviser" + Guid.NewGuid().ToString("N")[..6];
        using var social = platform.Client("SocialWorker", "web-seed-sw");
        using var manager = platform.Client("TeamManager", "web-seed-manager");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // Six months short of 18 (no alert yet), so the adviser can be allocated before the alert is raised.
        var youngPersonId = await Seed.RegisterAsync(social, "Leah", family, today.AddMonths(-6).AddYears(-17));
        var adviserId = await AdviserIdAsync(manager);
        using (var joined = await Seed.PostOnceKnownAsync(manager, "/api/leavingcare/care-leavers", new { youngPersonId, lookedAfter = true },
            "the LeavingCare service to know the young person"))
        {
            Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        }
        using (var allocated = await manager.PutAsJsonAsync($"/api/leavingcare/young-people/{youngPersonId}/adviser", new { adviserId }))
        {
            Assert.True(allocated.IsSuccessStatusCode, $"allocating the adviser answered {allocated.StatusCode}");
        }
        // The registry's date of birth is corrected to 17 years 10 months: the correction re-checks alerts at once (LC-01).
        using (var corrected = await social.PostAsJsonAsync($"/api/referrals/young-people/{youngPersonId}/corrections", new
        {
            details = new
            {
                givenName = "Leah", familyName = family, dateOfBirth = today.AddMonths(-10).AddYears(-17).ToString("yyyy-MM-dd"),
                gender = "Female", localArea = "Maltby",
            },
            reason = "Date of birth confirmed from the birth certificate",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        }
        using var adviser = platform.Client("PersonalAdviser", Adviser);
        await Eventually.TrueAsync(async () =>
            (await adviser.GetStringAsync("/api/leavingcare/alerts?kind=Handover")).Contains(youngPersonId.ToString(), StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the handover alert addressed to the adviser");

        await using var browser = await chromium.NewSessionAsync(platform);
        var page = browser.Page;
        await browser.SignInAsync(Adviser);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/leaving-care$"));
        // The alerts table (the same name also links to the record from the due-date lists below it).
        var alertLink = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = $"Leah {family}" });
        await Assertions.Expect(alertLink).ToBeVisibleAsync();
        await browser.ScreenshotAsync("personal-adviser-alerts");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

        await alertLink.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Handover pack" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Nothing closes because of age")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText($"adviser {Adviser}")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"Acknowledged by {Adviser}")).ToBeVisibleAsync();

        // An empty "How" is refused by the server and the message sits under that field.
        await page.GetByLabel("Whereabouts unknown").CheckAsync();
        await page.GetByLabel("How").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record contact" }).ClickAsync();
        await Assertions.Expect(page.Locator("#contact-method-error")).ToContainTextAsync("method");
        await page.GetByLabel("How").FillAsync("Home visit, nobody there");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record contact" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Contact recorded.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Whereabouts unknown since")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("personal-adviser-handover-pack");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
        Assert.Empty(browser.ConsoleProblems);

        // LC-04: the Missing service opened an episode for the adult care leaver.
        await Eventually.TrueAsync(async () =>
            (await social.GetStringAsync($"/api/missing/episodes?youngPersonId={youngPersonId}")).Contains(youngPersonId.ToString(), StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "a missing episode opened from whereabouts unknown");
    }

    [Fact]
    public async Task A_personal_adviser_sees_by_name_a_keep_in_touch_date_due_today_and_an_overdue_pathway_plan_and_opens_the_record()
    {
        var family = "Webduetoday" + Guid.NewGuid().ToString("N")[..6];
        using var social = platform.Client("SocialWorker", "web-seed-sw");
        using var manager = platform.Client("TeamManager", "web-seed-manager");
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var londonToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, london).DateTime);
        // Seventeen and looked after: the pathway plan was due from the 16th birthday and none is recorded (LC-03).
        var youngPersonId = await Seed.RegisterAsync(social, "Nia", family, londonToday.AddMonths(-3).AddYears(-17));
        var adviserId = await AdviserIdAsync(manager);
        using (var joined = await Seed.PostOnceKnownAsync(manager, "/api/leavingcare/care-leavers", new { youngPersonId, lookedAfter = true },
            "the LeavingCare service to know the young person"))
        {
            Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        }
        using (var allocated = await manager.PutAsJsonAsync($"/api/leavingcare/young-people/{youngPersonId}/adviser", new { adviserId }))
        {
            Assert.True(allocated.IsSuccessStatusCode, $"allocating the adviser answered {allocated.StatusCode}");
        }
        // The last contact was at noon London time 56 days ago (KeepInTouchDays): the next one is due today, not overdue.
        var lastContactDay = londonToday.AddDays(-56).ToDateTime(new TimeOnly(12, 0));
        var lastContact = new DateTimeOffset(lastContactDay, london.GetUtcOffset(lastContactDay));
        using var adviser = platform.Client("PersonalAdviser", Adviser);
        using (var contacted = await adviser.PostAsJsonAsync($"/api/leavingcare/young-people/{youngPersonId}/contacts",
            new { occurredAt = lastContact, outcome = "Contacted", method = "Phone" }))
        {
            Assert.Equal(HttpStatusCode.Created, contacted.StatusCode);
        }

        await using var browser = await chromium.NewSessionAsync(platform);
        var page = browser.Page;
        await browser.SignInAsync(Adviser);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/leaving-care$"));
        var dueToday = page.GetByTestId("due-today").Locator("li", new() { HasText = $"Nia {family}" });
        await Assertions.Expect(dueToday).ToHaveCountAsync(1);
        await Assertions.Expect(dueToday).ToContainTextAsync("Keep in touch due");
        await Assertions.Expect(dueToday).ToContainTextAsync(", today");
        var overdue = page.GetByTestId("due-overdue").Locator("li", new() { HasText = $"Nia {family}" });
        await Assertions.Expect(overdue).ToHaveCountAsync(1);
        await Assertions.Expect(overdue).ToContainTextAsync("Pathway plan due");
        await Assertions.Expect(overdue).ToContainTextAsync(new Regex(@"\d+ days overdue"));
        await browser.ScreenshotAsync("personal-adviser-due-today");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

        await dueToday.GetByRole(AriaRole.Link, new() { Name = $"Nia {family}" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/leaving-care/young-people/{youngPersonId}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Handover pack" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText($"adviser {Adviser}")).ToBeVisibleAsync();

        // LC-06, COM-05: adult services' refusal recorded as unmet need, then met after all on appeal.
        var unmet = page.GetByRole(AriaRole.Region, new() { Name = "Unmet needs" });
        await Assertions.Expect(unmet.GetByText("None recorded.")).ToBeVisibleAsync();
        await unmet.GetByLabel("What is needed").FillAsync("AdultMentalHealth");
        await unmet.GetByLabel("Why it is not met").SelectOptionAsync("CriteriaNotMet");
        await unmet.GetByLabel("Refused by").FillAsync("Adult mental health team");
        await unmet.GetByLabel("What they said").FillAsync("Does not meet adult criteria.");
        await unmet.GetByRole(AriaRole.Button, new() { Name = "Record unmet need" }).ClickAsync();
        var need = unmet.GetByRole(AriaRole.Listitem, new() { Name = "AdultMentalHealth: refused by Adult mental health team" });
        await Assertions.Expect(need).ToContainTextAsync("Criteria not met");
        // Without saying how, the service refuses and the field says so; nothing is recorded.
        var how = need.GetByLabel("How it was met", new() { Exact = true });
        await need.GetByRole(AriaRole.Button, new() { Name = "Record as met" }).ClickAsync();
        await Assertions.Expect(how).ToHaveAttributeAsync("aria-invalid", "true");
        await how.FillAsync("Accepted by the adult team on appeal.");
        await need.GetByRole(AriaRole.Button, new() { Name = "Record as met" }).ClickAsync();
        await Assertions.Expect(need.Locator("p.met")).ToContainTextAsync("Accepted by the adult team on appeal.");
        await Assertions.Expect(need.GetByRole(AriaRole.Button, new() { Name = "Record as met" })).ToHaveCountAsync(0);
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
        Assert.Empty(browser.ConsoleProblems);
    }

    [Fact]
    public async Task A_team_manager_moves_an_adviser_to_another_provider_and_the_adviser_sees_the_provider_history()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var name = $"Sam Webprovider{suffix}";
        var today = London.Today(TimeProvider.System);
        using var manager = platform.Client("TeamManager", "web-provider-tm");
        using (var registered = await manager.PostAsJsonAsync("/api/leavingcare/advisers", new
        {
            userId = $"web-adviser-{suffix}", displayName = name, team = "Leaving care", provider = "Council",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }
        const string newProvider = "Barnardo's Leaving Care";
        const string reason = "The leaving-care contract moved to Barnardo's from this month.";

        await using (var browser = await chromium.NewSessionAsync(platform))
        {
            var page = browser.Page;
            await browser.SignInAsync("demo-teammanager");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Leaving care" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Personal advisers and their providers" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/leaving-care/advisers$"));
            var card = page.GetByTestId("adviser").Filter(new() { HasText = name });
            await Assertions.Expect(card.GetByTestId("provider-now")).ToHaveTextAsync("Council");
            await Assertions.Expect(card.GetByTestId("provider-history")).ToContainTextAsync("Registered with Council by web-provider-tm");

            await card.Locator("summary", new() { HasText = "Record a change of provider" }).ClickAsync();
            var form = card.GetByRole(AriaRole.Form, new() { Name = $"Change {name}'s provider" });
            await Assertions.Expect(form.GetByLabel("From")).ToHaveValueAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            // A date before the adviser was registered is refused under its field...
            await form.GetByLabel("New provider").FillAsync(newProvider);
            await form.GetByLabel("From").FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await form.GetByLabel("Why").FillAsync(reason);
            await form.GetByRole(AriaRole.Button, new() { Name = "Record the change" }).ClickAsync();
            await Assertions.Expect(form.Locator("[data-field=effectiveOn]")).ToHaveTextAsync("'effectiveOn' cannot be before the adviser was registered.");
            await Assertions.Expect(form.GetByLabel("From")).ToHaveAttributeAsync("aria-invalid", "true");
            // ...and the provider they are already with is a 409 in the service's words.
            await form.GetByLabel("New provider").FillAsync("council");
            await form.GetByLabel("From").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await form.GetByRole(AriaRole.Button, new() { Name = "Record the change" }).ClickAsync();
            await Assertions.Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("The adviser's provider is already 'Council'.");
            await Assertions.Expect(form.Locator(".field-error")).ToHaveCountAsync(0);

            await form.GetByLabel("New provider").FillAsync(newProvider);
            await form.GetByRole(AriaRole.Button, new() { Name = "Record the change" }).ClickAsync();
            var date = today.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
            await Assertions.Expect(form.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Recorded: {name} with {newProvider} from {date}.");
            await Assertions.Expect(form.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
            await Assertions.Expect(card.GetByTestId("provider-now")).ToHaveTextAsync(newProvider);
            await Assertions.Expect(card.GetByTestId("provider-change"))
                .ToHaveTextAsync(new Regex($@"^{Regex.Escape($"{newProvider} from {date} (was Council): {reason}")} Recorded by demo-teammanager, .* (GMT|BST)$"));
            await browser.ScreenshotAsync("team-manager-adviser-provider-history");
            Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
            Assert.Empty(browser.ConsoleProblems);
        }

        // The personal adviser reads the same history and is offered no change (managers only, LC-07).
        await using (var browser = await chromium.NewSessionAsync(platform))
        {
            var page = browser.Page;
            await browser.SignInAsync(Adviser);
            await page.GotoAsync("/leaving-care/advisers");
            var card = page.GetByTestId("adviser").Filter(new() { HasText = name });
            await Assertions.Expect(card.GetByTestId("provider-now")).ToHaveTextAsync(newProvider);
            await Assertions.Expect(card.GetByTestId("provider-change")).ToContainTextAsync($"(was Council): {reason}");
            await Assertions.Expect(page.Locator("summary", new() { HasText = "Record a change of provider" })).ToHaveCountAsync(0);
            Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
            Assert.Empty(browser.ConsoleProblems);
        }

        var advisers = await manager.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/leavingcare/advisers");
        var stored = advisers.EnumerateArray().Single(a => a.GetProperty("displayName").GetString() == name);
        Assert.Equal(newProvider, stored.GetProperty("provider").GetString());
        Assert.Equal("Council", stored.GetProperty("registeredProvider").GetString());
        var change = Assert.Single(stored.GetProperty("providerHistory").EnumerateArray());
        Assert.Equal(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), change.GetProperty("effectiveOn").GetString());
    }

    /// <summary>The demo adviser is registered once per platform (409 when it already is).</summary>
    private static async Task<Guid> AdviserIdAsync(HttpClient manager)
    {
        using var registered = await manager.PostAsJsonAsync("/api/leavingcare/advisers", new
        {
            userId = Adviser, displayName = "Demo Adviser", team = "Leaving care", provider = "Council",
        });
        Assert.True(registered.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"registering the adviser answered {registered.StatusCode}");
        var advisers = await manager.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/leavingcare/advisers");
        return advisers.EnumerateArray().Single(a => a.GetProperty("userId").GetString() == Adviser).GetProperty("id").GetGuid();
    }
}
