using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Support.EndToEnd.Tests;

namespace Support.Web.Tests;

/// <summary>
/// REF-22 in the browser (issue 14). Imray §4.7, Child E: "there are no obvious references to senior managers being
/// alerted". A social worker records an allegation from the young person's record; a senior manager finds it in their
/// queue, named, with the deadline the service computed, and acknowledges it; it leaves the open queue and stays in
/// the full list with the acknowledgement.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CriticalIncidentJourneyTests(Platform platform, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task A_social_worker_records_a_critical_incident_and_a_senior_manager_acknowledges_it_from_the_queue_by_its_deadline()
    {
        var family = "Webincident" + Guid.NewGuid().ToString("N")[..6];
        using var social = platform.Client("SocialWorker", "web-incident-sw");
        var youngPersonId = await Seed.RegisterAsync(social, "Ivy", family, new DateOnly(2011, 2, 14));
        var summary = $"Told her carer she was assaulted by two men at a flat last night ({family}).";

        await using var socialBrowser = await chromium.NewSessionAsync(platform);
        var page = socialBrowser.Page;
        await socialBrowser.SignInAsync("demo-socialworker");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Critical incidents" })).ToHaveCountAsync(0);
        await page.GotoAsync($"/young-people/{youngPersonId}");
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Record a critical incident" });
        await form.GetByLabel("What happened").SelectOptionAsync("RapeOrSexualAssaultAllegation");
        await form.GetByLabel("When it happened (UK time)").FillAsync("2099-01-01T10:00");
        await form.GetByLabel("What you know").FillAsync(summary);
        await form.GetByRole(AriaRole.Button, new() { Name = "Record the incident" }).ClickAsync();
        // The service's refusal, under the field it names.
        await Assertions.Expect(page.Locator("#incident-at-error")).ToContainTextAsync("cannot be in the future");
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await form.GetByLabel("When it happened (UK time)").FillAsync($"{yesterday}T22:30");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record the incident" }).ClickAsync();
        await Assertions.Expect(form.GetByRole(AriaRole.Status)).ToContainTextAsync(new Regex(@"Recorded: the senior managers must acknowledge it by .* (GMT|BST)"));
        Assert.Empty(socialBrowser.ConsoleProblems);

        await using var browser = await chromium.NewSessionAsync(platform);
        page = browser.Page;
        await browser.SignInAsync("demo-seniormanager");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Critical incidents" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/critical-incidents$"));
        var incident = page.GetByTestId("critical-incident").Filter(new() { HasText = summary });
        await Assertions.Expect(incident).ToContainTextAsync($"Ivy {family}: Allegation of rape or sexual assault");
        await Assertions.Expect(incident).ToContainTextAsync("raised by demo-socialworker");
        // The default deadline is 24 elapsed hours from when it was raised, computed by the service.
        await Assertions.Expect(incident).ToContainTextAsync(new Regex(@"Acknowledge by .* (GMT|BST) \(due in (1 d 0 h|23 h \d+ min)\)"));
        await browser.ScreenshotAsync("senior-manager-critical-incidents");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

        var acknowledge = incident.GetByRole(AriaRole.Form);
        await acknowledge.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Assertions.Expect(acknowledge.Locator(".field-error[data-field='note']")).ToContainTextAsync("note");
        await acknowledge.GetByLabel("What you have done or asked for").FillAsync("Strategy meeting called for tomorrow 09:00; police informed.");
        await acknowledge.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Assertions.Expect(incident).ToHaveCountAsync(0);

        await page.GetByLabel("Show").SelectOptionAsync("all");
        var acknowledged = page.GetByTestId("critical-incident").Filter(new() { HasText = summary });
        await Assertions.Expect(acknowledged.GetByTestId("acknowledgement"))
            .ToContainTextAsync(new Regex(@"Acknowledged by demo-seniormanager, .* (GMT|BST): Strategy meeting called for tomorrow 09:00; police informed\."));
        await Assertions.Expect(acknowledged.GetByRole(AriaRole.Form)).ToHaveCountAsync(0);

        // On the record, the senior manager sees the incident with its acknowledgement.
        await acknowledged.GetByRole(AriaRole.Link, new() { Name = $"Ivy {family}" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("record-critical-incidents")).ToContainTextAsync("Acknowledged by demo-seniormanager");
        Assert.Empty(browser.ConsoleProblems);
    }
}
