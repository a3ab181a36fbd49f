using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Support.EndToEnd.Tests;
using Support.ServiceDefaults.Time;

namespace Support.Web.Tests;

/// <summary>
/// REC-08, REC-09, REC-10 in the browser (issue 14, issue 16): an auditor answers a young person's subject access
/// request. From the queue, counting down to its deadline, they make the pack, wait while every service sends its
/// part, withhold her brother's name everywhere with a reason (a redaction without one is refused under its field),
/// see the original beside what she will get, and release it only once they confirm third parties were reviewed.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DisclosureJourneyTests(Platform platform, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task An_auditor_answers_a_subject_access_request_with_a_pack_from_every_service_redacted_with_a_reason_for_each_redaction()
    {
        var family = "Webdisclose" + Guid.NewGuid().ToString("N")[..6];
        var brother = $"Tyler {family}";
        using var social = platform.Client("SocialWorker", "web-disclose-sw");
        var youngPersonId = await Seed.RegisterAsync(social, "Zoe", family, new DateOnly(2010, 1, 30));
        using (var note = await social.PostAsJsonAsync($"/api/referrals/young-people/{youngPersonId}/chronology", new
        {
            occurredAt = DateTimeOffset.UtcNow.AddDays(-10), text = $"Her brother {brother} drove her to the flat.",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        }
        var receivedOn = London.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using (var asked = await social.PostAsJsonAsync($"/api/referrals/young-people/{youngPersonId}/subject-access-requests",
            new { requester = "YoungPerson", howReceived = "Asked her social worker at a visit", receivedOn }))
        {
            Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        }

        await using var browser = await chromium.NewSessionAsync(platform);
        var page = browser.Page;
        await browser.SignInAsync("demo-auditor");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Subject access requests" }).ClickAsync();
        var request = page.GetByTestId("subject-access-request").Filter(new() { HasText = $"Zoe {family}" });
        await Assertions.Expect(request).ToContainTextAsync($"Zoe {family}: asked by the young person");
        await Assertions.Expect(request).ToContainTextAsync("Asked her social worker at a visit");
        await Assertions.Expect(request).ToContainTextAsync(new Regex(@"Due \w{3} \d{1,2} \w{3} \d{4}"));
        await request.GetByRole(AriaRole.Button, new() { Name = "Make the pack to answer it" }).ClickAsync();

        // The pack screen: every other service sends its part over the bus; until then it cannot be redacted.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/disclosure-packs/[0-9a-f-]{36}\?answers=[0-9a-f-]{36}$"));
        var manifest = page.GetByTestId("pack-manifest");
        await Assertions.Expect(manifest).ToContainTextAsync("Complete: every service has sent its part.", new() { Timeout = 30_000 });
        await Assertions.Expect(manifest).ToContainTextAsync("Every checksum verifies");
        await Assertions.Expect(manifest).ToContainTextAsync(new Regex(@"missing \(\d+\), outreach \(\d+\)"));
        // The case note's text, one row of its item: the original, then what the recipient gets.
        var item = page.GetByTestId("pack-item").Filter(new() { HasText = "drove her to the flat" });
        var row = item.GetByRole(AriaRole.Row).Filter(new() { HasText = "drove her to the flat" });
        await Assertions.Expect(row.Locator("td").First).ToContainTextAsync(brother);

        // REC-09: a redaction needs a reason, refused under its field; with one, her brother's name goes everywhere.
        var everywhere = page.GetByRole(AriaRole.Form, new() { Name = "Withhold words everywhere in the pack" });
        await everywhere.GetByLabel("Words to withhold").FillAsync(brother);
        await everywhere.GetByRole(AriaRole.Button, new() { Name = "Withhold everywhere" }).ClickAsync();
        await Assertions.Expect(page.Locator("#redact-reason-error")).ToContainTextAsync("Every redaction needs a reason.");
        await everywhere.GetByLabel("Why they are withheld").FillAsync("Her brother is a third party (REC-09).");
        await everywhere.GetByRole(AriaRole.Button, new() { Name = "Withhold everywhere" }).ClickAsync();
        await Assertions.Expect(everywhere.GetByRole(AriaRole.Status)).ToContainTextAsync(new Regex(@"Withheld in \d+ places?\."));
        await Assertions.Expect(page.GetByTestId("redactions")).ToContainTextAsync("Her brother is a third party (REC-09). (demo-auditor");
        // The original never changes; what she gets does not name him.
        await Assertions.Expect(row.Locator("td").First).ToContainTextAsync(brother);
        await Assertions.Expect(row.Locator("td.redacted")).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("td").Last).Not.ToContainTextAsync(brother);
        await Assertions.Expect(row.Locator("td").Last).ToContainTextAsync("drove her to the flat.");
        // One item's words only: the span is found in the original; words it does not hold are refused before sending.
        await item.GetByText("Withhold words from this item").ClickAsync();
        var span = item.GetByRole(AriaRole.Form, new() { Name = "Withhold words from this item" });
        await span.GetByLabel("From").SelectOptionAsync(new SelectOptionValue { Label = "More detail" });
        await span.GetByLabel("The exact words to withhold").FillAsync("a house");
        await span.GetByLabel("Why they are withheld").FillAsync("Identifies where the men took her.");
        await span.GetByRole(AriaRole.Button, new() { Name = "Withhold" }).ClickAsync();
        await Assertions.Expect(span).ToContainTextAsync("Those words are not in that field of the original.");
        await span.GetByLabel("The exact words to withhold").FillAsync("the flat");
        await span.GetByRole(AriaRole.Button, new() { Name = "Withhold" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("redactions").GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await Assertions.Expect(row.Locator("td").Last).Not.ToContainTextAsync("the flat");
        await Assertions.Expect(row.Locator("td").First).ToContainTextAsync("drove her to the flat");
        await browser.ScreenshotAsync("auditor-disclosure-pack");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

        var answer = page.GetByRole(AriaRole.Form, new() { Name = "Answer the request with this pack" });
        await answer.GetByRole(AriaRole.Button, new() { Name = "Release it to them" }).ClickAsync();
        await Assertions.Expect(answer.GetByRole(AriaRole.Alert)).ToContainTextAsync("thirdPartiesReviewed");
        await answer.GetByLabel("I have reviewed the pack for other people's information and withheld it, with reasons").CheckAsync();
        await answer.GetByRole(AriaRole.Button, new() { Name = "Release it to them" }).ClickAsync();
        await Assertions.Expect(answer.GetByRole(AriaRole.Status)).ToContainTextAsync("they can read the redacted copy now");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Subject access requests" }).ClickAsync();
        await Assertions.Expect(request.GetByTestId("answered")).ToContainTextAsync("Answered by demo-auditor");

        // On the record, the pack is listed for the auditor to return to.
        await request.GetByRole(AriaRole.Link, new() { Name = $"Zoe {family}" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("disclosure-packs")).ToContainTextAsync("Subject access for The young person");
        await Assertions.Expect(page.GetByTestId("disclosure-packs")).ToContainTextAsync("complete");
        Assert.Empty(browser.ConsoleProblems);
    }
}
