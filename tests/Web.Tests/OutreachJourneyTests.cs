using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Support.EndToEnd.Tests;
using Support.Testing;

namespace Support.Web.Tests;

/// <summary>
/// The outreach worker's journey of issue 14 on a phone (360 px wide): their aliases and young people, logging a street
/// contact in a few taps (time defaulting to now, a known place picked, a few words, a concern level) with an
/// Idempotency-Key, the server's refusal shown under the field it names, and their referrals with what they were told
/// (OUT-01, OUT-02, OUT-04).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OutreachJourneyTests(Platform platform, Chromium chromium) : IClassFixture<Chromium>
{
    private const string Worker = "demo-outreach";

    [Fact]
    public async Task An_outreach_worker_on_a_phone_logs_a_contact_at_a_known_place_and_sees_their_referral_outcome()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var aliasName = "Jaz" + suffix;
        var placeName = "Clifton Park gate " + suffix;
        using var worker = platform.Client("OutreachWorker", Worker);
        using var social = platform.Client("SocialWorker", "web-seed-sw");
        using (var location = await worker.PostAsJsonAsync("/api/outreach/locations", new { name = placeName, type = "Park", area = "Clifton", latitude = 53.4326m, longitude = -1.3499m }))
        {
            Assert.Equal(HttpStatusCode.Created, location.StatusCode);
        }
        Guid aliasId;
        using (var alias = await worker.PostAsJsonAsync("/api/outreach/aliases", new { name = aliasName, approximateAge = 14, area = "Clifton" }))
        {
            Assert.Equal(HttpStatusCode.Created, alias.StatusCode);
            aliasId = (await Seed.JsonAsync(alias)).GetProperty("id").GetGuid();
        }
        var family = "Webout" + suffix;
        using var posted = await worker.PostAsJsonAsync("/api/referrals", new
        {
            youngPerson = new { givenName = "Mia", familyName = family, dateOfBirth = "2011-10-10", gender = "Female", localArea = "Clifton" },
            referrerRole = "OutreachWorker", referrerOrganisation = "Risky Business", cseType = "StreetGrooming", adultInvolved = true,
            riskIndicators = new[] { "DrivenAroundInCars" }, sexualActivity = false, disclosureOfAssault = false,
            occurredAt = DateTimeOffset.UtcNow.AddHours(-3), narrative = "Seen getting into cars outside the takeaway with older men.",
        });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var referralId = (await Seed.JsonAsync(posted)).GetProperty("id").GetGuid();
        var youngPersonId = await Eventually.GetAsync(async () =>
        {
            var mine = await worker.GetFromJsonAsync<JsonElement>("/api/outreach/my/referrals");
            return mine.EnumerateArray().Where(r => r.GetProperty("referralId").GetGuid() == referralId)
                .Select(r => r.GetProperty("youngPersonId").GetString()).FirstOrDefault();
        }, TimeSpan.FromSeconds(30), "the referral in the worker's list");
        // The screen names the young person from the Outreach registry projection, filled over the bus.
        await Eventually.TrueAsync(async () =>
        {
            using var known = await worker.GetAsync($"/api/outreach/young-people/{youngPersonId}");
            return known.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(30), "the Outreach service to know the young person");
        const string rationale = "Her sister says she has been staying out overnight with the same men.";
        using (var reclassified = await social.PostAsJsonAsync($"/api/referrals/{referralId}/reclassifications", new { priority = "Immediate", rationale }))
        {
            Assert.Equal(HttpStatusCode.Created, reclassified.StatusCode);
        }
        await Eventually.TrueAsync(async () =>
            (await worker.GetStringAsync("/api/outreach/my/notifications")).Contains(referralId.ToString(), StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the reclassification to reach the worker");

        await using var browser = await chromium.NewSessionAsync(platform, width: 360, height: 780);
        var page = browser.Page;
        await browser.SignInAsync(Worker);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/outreach$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log a contact" })).ToBeVisibleAsync();
        // The young person (from the referral) and the alias are listed as mine; the referral shows what I was told.
        await Assertions.Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = $"Mia {family}" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(rationale)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = aliasName })).ToContainTextAsync("about 14, Clifton");
        // Phone-first: nothing is wider than the screen.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "the page scrolls sideways at 360 px");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

        // The time defaults to now; without a few words the server refuses and says so under the field.
        Assert.False(string.IsNullOrEmpty(await page.GetByLabel("When", new() { Exact = true }).InputValueAsync()));
        await page.GetByLabel("Who", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{aliasName} (Clifton)" });
        await page.GetByLabel("Where", new() { Exact = true }).FillAsync(placeName);
        await page.GetByLabel("High", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Log contact" }).ClickAsync();
        await Assertions.Expect(page.Locator("#contact-notes-error")).ToContainTextAsync("notes");
        await page.GetByLabel("A few words").FillAsync("With two older lads by the gate, said she was fine.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log contact" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Contact logged for")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("outreach-worker-phone");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
        Assert.Empty(browser.ConsoleProblems);

        // One contact, at the known location (picked by name), with the concern chosen.
        var stored = await worker.GetFromJsonAsync<JsonElement>($"/api/outreach/aliases/{aliasId}");
        var contact = Assert.Single(stored.GetProperty("contacts").EnumerateArray());
        Assert.Equal(placeName, contact.GetProperty("location").GetProperty("name").GetString());
        Assert.Equal("High", contact.GetProperty("concern").GetString());
        Assert.Equal("Street", contact.GetProperty("channel").GetString());
        Assert.Equal(Worker, contact.GetProperty("recordedBy").GetString());

        // No signal: the next contact waits on the phone, shown as waiting, and goes when the connection returns.
        await browser.Context.SetOfflineAsync(true);
        await page.GetByLabel("Who", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{aliasName} (Clifton)" });
        await page.GetByLabel("Where", new() { Exact = true }).FillAsync("Behind the bus station");
        await page.GetByLabel("A few words").FillAsync("Came back alone, asked about the drop-in.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log contact" }).ClickAsync();
        await Assertions.Expect(page.GetByText("saved on this phone")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Waiting to send (1)" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("outreach-worker-offline");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
        await browser.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Waiting to send (1)" })).ToBeHiddenAsync(new() { Timeout = 20_000 });
        var afterwards = await worker.GetFromJsonAsync<JsonElement>($"/api/outreach/aliases/{aliasId}");
        var places = afterwards.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("place").GetString()).ToList();
        Assert.Equal(2, places.Count);
        Assert.Contains("Behind the bus station", places);

        // My places (OUT-08): the gate, with my one contact there, on my map; the typed place has nowhere to be drawn.
        await page.GotoAsync("/my-places");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My places" })).ToBeVisibleAsync();
        var gate = page.GetByTestId("my-places-table").GetByRole(AriaRole.Row).Filter(new() { HasText = placeName });
        await Assertions.Expect(gate.Locator("td").First).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("hotspot-map").GetByText($"{placeName}: 1 contacts")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("my-places-table")).Not.ToContainTextAsync("Behind the bus station");
        await browser.ScreenshotAsync("outreach-worker-places");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
        Assert.Empty(browser.ConsoleProblems);
    }

    [Fact]
    public async Task On_a_phone_an_outreach_worker_records_information_word_for_word_with_its_provenance_and_the_people_it_names_as_described()
    {
        var family = "Webinfo" + Guid.NewGuid().ToString("N")[..6];
        var words = $"Her mate said a man called Mo {family} picks them up from the park in a silver Astra, RB61 XYZ.";
        await using var browser = await chromium.NewSessionAsync(platform, width: 360, height: 780);
        var page = browser.Page;
        await browser.SignInAsync(Worker);
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Add information" });
        await Assertions.Expect(form).ToBeVisibleAsync();

        // The server's refusals under the fields they name: the words and who told you are required.
        await form.GetByRole(AriaRole.Button, new() { Name = "Record the information" }).ClickAsync();
        await Assertions.Expect(page.Locator("#info-words-error")).ToContainTextAsync("'words' is required.");
        await Assertions.Expect(page.Locator("#info-source-error")).ToContainTextAsync("sourceKind");

        await form.GetByLabel("Exactly what was said").FillAsync(words);
        await form.GetByLabel("Who told you").SelectOptionAsync("Peer");
        await form.GetByLabel("Describe them").FillAsync("Her friend from the Clifton Park group");
        await form.GetByLabel("How they know").SelectOptionAsync("SecondHand");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add a person, vehicle, phone or place it names" }).ClickAsync();
        await form.GetByLabel("Named 1: as they said it").FillAsync($"Mo {family}");
        await form.GetByLabel("Named 1: gender, as described (optional)").FillAsync("man in his 40s");
        await form.GetByLabel("Named 1: ethnicity, as described (optional)").FillAsync("Asian");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add a person, vehicle, phone or place it names" }).ClickAsync();
        await form.GetByLabel("Named 2: what").SelectOptionAsync("Vehicle");
        // A vehicle has no gender or ethnicity: the screen does not ask.
        await Assertions.Expect(form.GetByLabel("Named 2: gender, as described (optional)")).ToHaveCountAsync(0);
        await form.GetByLabel("Named 2: as they said it").FillAsync("rb61 xyz");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record the information" }).ClickAsync();
        var recorded = form.GetByRole(AriaRole.Status);
        await Assertions.Expect(recorded).ToContainTextAsync(new Regex(@"Recorded: it needs an outcome by .* (GMT|BST)\."));
        await Assertions.Expect(recorded).ToContainTextAsync("(man in his 40s, Asian)");
        await Assertions.Expect(recorded).ToContainTextAsync("vehicle RB61XYZ");
        await Assertions.Expect(form.GetByLabel("Exactly what was said")).ToHaveValueAsync("");
        await browser.ScreenshotAsync("outreach-worker-information-phone");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
        Assert.Empty(browser.ConsoleProblems);

        // OUT-10: the person as described reaches the persons-of-concern report (exact for an auditor), never by name.
        using var auditor = platform.Client("Auditor", "web-info-auditor");
        var report = await auditor.GetStringAsync("/api/outreach/reports/persons-of-concern");
        Assert.Contains("\"man in his 40s\"", report, StringComparison.Ordinal);
        Assert.DoesNotContain(family, report, StringComparison.OrdinalIgnoreCase);
    }
}
