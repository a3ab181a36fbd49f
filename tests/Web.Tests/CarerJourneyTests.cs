using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Support.EndToEnd.Tests;
using Support.ServiceDefaults.Time;

namespace Support.Web.Tests;

/// <summary>
/// The carer's journey (issue 14, REF-27) on a phone. Casey-M's foster carer let the perpetrator "accompany her on
/// holiday": the carer signs in and lands on the children placed with them, sees who must not have contact with the
/// child and how to recognise them, reports that one of them made contact (a time in the future is refused under its
/// field), and is told a senior manager has been alerted; the senior manager's queue then holds the critical incident.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CarerJourneyTests(Platform platform, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task A_foster_carer_sees_who_must_not_have_contact_with_the_child_placed_with_them_and_reports_contact_which_alerts_a_senior_manager()
    {
        var family = "Webcarer" + Guid.NewGuid().ToString("N")[..6];
        var setting = $"Foster home {family}";
        var bornOn = new DateOnly(2012, 5, 10);
        using var social = platform.Client("SocialWorker", "web-carer-sw");
        var youngPersonId = await Seed.RegisterAsync(social, "Poppy", family, bornOn);
        var today = London.Today(TimeProvider.System);
        Guid placementId;
        using (var placed = await social.PostAsJsonAsync("/api/referrals/placements", new
        {
            youngPersonId, type = "FosterCare", reason = "ProtectionFromHarm", setting, startedOn = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            rationale = "Away from the group at the interchange; near her school.", carerUserId = "demo-carer",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
            placementId = (await Seed.JsonAsync(placed)).GetProperty("id").GetGuid();
        }
        var barredName = $"Lee {family}";
        const string description = "Man in his 30s, shaved head, silver Vauxhall Astra; calls himself Boss";
        using (var listed = await social.PostAsJsonAsync($"/api/referrals/young-people/{youngPersonId}/barred-persons", new
        {
            name = barredName, description, reason = "Suspected of exploiting her",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, listed.StatusCode);
        }

        await using (var browser = await chromium.NewSessionAsync(platform, width: 390, height: 844))
        {
            var page = browser.Page;
            await browser.SignInAsync("demo-carer");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/placed-with-me$"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Children placed with me", Level = 1 })).ToBeVisibleAsync();

            var age = bornOn.AddYears(today.Year - bornOn.Year) > today ? today.Year - bornOn.Year - 1 : today.Year - bornOn.Year;
            var child = page.GetByTestId("placed-child").Filter(new() { HasText = setting });
            await Assertions.Expect(child.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync($"Poppy, aged {age}");
            var list = child.GetByTestId("must-not-have-contact");
            await Assertions.Expect(list.GetByRole(AriaRole.Heading, new() { Name = "Must not have contact with Poppy" })).ToBeVisibleAsync();
            var person = list.GetByTestId("barred-person");
            await Assertions.Expect(person).ToContainTextAsync(barredName);
            await Assertions.Expect(person).ToContainTextAsync($"How to recognise them: {description}");

            var form = child.GetByRole(AriaRole.Form, new() { Name = "Report contact with Poppy" });
            await form.GetByLabel("Who made contact").SelectOptionAsync(new SelectOptionValue { Label = barredName });
            await form.GetByLabel("When it happened").FillAsync(LondonInput(DateTimeOffset.UtcNow.AddDays(2)));
            await form.GetByLabel("What happened").FillAsync("He waited in the silver car at the end of the road and she got in.");
            await form.GetByRole(AriaRole.Button, new() { Name = "Report the contact" }).ClickAsync();
            await Assertions.Expect(page.Locator($"#contact-{placementId}-when-error")).ToBeVisibleAsync();
            await Assertions.Expect(form.GetByLabel("When it happened")).ToHaveAttributeAsync("aria-invalid", "true");

            var seenAt = DateTimeOffset.UtcNow.AddHours(-1);
            await form.GetByLabel("When it happened").FillAsync(LondonInput(seenAt));
            await form.GetByRole(AriaRole.Button, new() { Name = "Report the contact" }).ClickAsync();
            var done = form.GetByRole(AriaRole.Status);
            await Assertions.Expect(done).ToContainTextAsync(new Regex($@"Reported: contact by {Regex.Escape(barredName)} on .* (GMT|BST)\. A senior manager has been alerted\."));
            await Assertions.Expect(done.Locator("time")).ToHaveAttributeAsync("datetime", new Regex("^" + seenAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)));
            await Assertions.Expect(form.GetByLabel("What happened")).ToHaveValueAsync("");
            await browser.ScreenshotAsync("carer-report-contact-phone");
            Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
            Assert.Empty(browser.ConsoleProblems);
        }

        // What the screen said is what happened: the senior managers' queue holds the incident.
        using var senior = platform.Client("SeniorManager", "web-carer-sm");
        var incidents = await senior.GetFromJsonAsync<JsonElement>($"/api/referrals/critical-incidents?youngPersonId={youngPersonId}");
        var incident = Assert.Single(incidents.EnumerateArray());
        Assert.Equal("ContactWithBarredPerson", incident.GetProperty("kind").GetString());
        Assert.Equal("demo-carer", incident.GetProperty("recordedBy").GetString());
        Assert.Contains("silver car at the end of the road", incident.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    /// <summary>An instant as a datetime-local input holds it in a browser set to UK time.</summary>
    private static string LondonInput(DateTimeOffset instant) =>
        London.ToLocal(instant).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
