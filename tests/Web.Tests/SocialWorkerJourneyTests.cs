using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Support.EndToEnd.Tests;

namespace Support.Web.Tests;

/// <summary>
/// Journey 3 of issue 14 at desktop width: a social worker finds a young person (two records share the name, so the
/// search warns of possible duplicates), opens the record, reads the chronology newest first with its verify badge,
/// adds a note, is shown the server's refusal next to the field it names, corrects the note (the correction links to
/// the original), and sees the risk assessment's reasons and the referral's deadline in London time.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SocialWorkerJourneyTests(Platform platform, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task A_social_worker_finds_a_young_person_reads_the_verified_chronology_and_corrects_a_note()
    {
        var family = "Webjourney" + Guid.NewGuid().ToString("N")[..6];
        using var social = platform.Client("SocialWorker", "web-seed-sw");
        var youngPersonId = await Seed.RegisterAsync(social, "Jade", family, new DateOnly(2010, 3, 14));
        await Seed.RegisterAsync(social, "Jade", family, new DateOnly(2011, 7, 2), "Wath");
        using (var referral = await social.PostAsJsonAsync("/api/referrals", new
        {
            youngPersonId, referrerRole = "OutreachWorker", referrerOrganisation = "Youth project", cseType = "StreetGrooming",
            adultInvolved = true, riskIndicators = new[] { "GoingOutALot", "PickedUpByTaxi" }, occurredAt = DateTimeOffset.UtcNow.AddHours(-3),
            narrative = "Seen getting into taxis with older men.",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, referral.StatusCode);
        }
        using (var assessment = await social.PostAsJsonAsync($"/api/referrals/young-people/{youngPersonId}/risk-assessments", new
        {
            eventDate = DateTime.UtcNow.ToString("yyyy-MM-dd"), indicators = new[] { "GoingOutALot", "PickedUpByTaxi" }, sexualActivity = false,
            disclosureOfAssault = false, missingEpisodesInLast90Days = 0, chosenLevel = "High", rationale = "Lifts from older men",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, assessment.StatusCode);
        }

        await using var browser = await chromium.NewSessionAsync(platform);
        var page = browser.Page;
        await browser.SignInAsync("demo-socialworker");
        await page.GetByRole(AriaRole.Link, new() { Name = "Find a young person" }).ClickAsync();

        // By keyboard: the labelled field, typed into, submitted with Enter.
        await page.GetByLabel("Name").FocusAsync();
        await page.Keyboard.TypeAsync($"Jade {family}");
        await page.Keyboard.PressAsync("Enter");
        var matches = page.GetByRole(AriaRole.Table, new() { Name = "Possible matches, best first" }).GetByRole(AriaRole.Row);
        await Assertions.Expect(matches).ToHaveCountAsync(3); // header + two people
        await Assertions.Expect(page.GetByText("2 possible matches")).ToBeVisibleAsync();
        Assert.DoesNotContain(family, page.Url, StringComparison.OrdinalIgnoreCase); // no personal data in the address
        await browser.ScreenshotAsync("social-worker-search");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

        var link = page.GetByRole(AriaRole.Link, new() { Name = $"Jade {family}" }).First;
        await link.FocusAsync();
        Assert.True(await FocusIsVisibleAsync(page), "the focused link shows a visible focus indicator");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/young-people/[^/]+$"));

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Jade {family}", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("verify-badge")).ToContainTextAsync("Verified");
        // Issue 16 item 4: their own words have a place of their own at the top of the record, even when empty.
        await Assertions.Expect(page.GetByTestId("own-words")).ToContainTextAsync("Nothing in their own words is recorded yet");
        await Assertions.Expect(page.GetByText("R5 (High): An adult offering gifts, lifts, alcohol or drugs [PickedUpByTaxi]")).ToBeVisibleAsync();
        // The referral's decision deadline, computed by the server, shown in UK time with its zone and a countdown.
        await Assertions.Expect(page.Locator(".deadline").First).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d{2}:\d{2} (GMT|BST) \(due in "));

        // The server's ProblemDetails for an empty note appears next to the Note field.
        await page.GetByLabel("Note").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        var fieldError = page.Locator("#note-text-error");
        await Assertions.Expect(fieldError).ToContainTextAsync("text");
        await Assertions.Expect(page.GetByLabel("Note")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByLabel("Note").FillAsync("Met Jade at school; she named a driver called Kaz.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        var note = page.Locator("li.entry", new() { HasText = "she named a driver called Kaz" });
        await Assertions.Expect(note).ToBeVisibleAsync();
        var noteSequence = (await note.Locator(".seq").InnerTextAsync()).TrimStart('#');
        // Newest first: the note is the first entry.
        await Assertions.Expect(page.Locator("li.entry").First).ToContainTextAsync("driver called Kaz");
        await Assertions.Expect(note.Locator(".signed")).ToContainTextAsync("Signed demo-socialworker (SocialWorker)");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Correct entry {noteSequence}" }).ClickAsync();
        await page.GetByLabel("Correction and reason").FillAsync("The driver's name is Kas, not Kaz (spelling checked with school).");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record correction" }).ClickAsync();
        var correction = page.Locator("li.entry", new() { HasText = "name is Kas" });
        await Assertions.Expect(correction.GetByRole(AriaRole.Link, new() { Name = $"entry #{noteSequence}" })).ToBeVisibleAsync();
        await Assertions.Expect(note).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("corrected"));
        await Assertions.Expect(page.GetByTestId("verify-badge")).ToContainTextAsync("Verified");
        await browser.ScreenshotAsync("social-worker-record");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
        Assert.Empty(browser.ConsoleProblems);
    }

    private static Task<bool> FocusIsVisibleAsync(IPage page) => page.EvaluateAsync<bool>("""
        () => { const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }
        """);
}
