using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Support.EndToEnd.Tests;

namespace Support.Web.Tests;

/// <summary>
/// Cross-references in the browser (issue 14 for REF-19). A note on Leah's record says her younger sister Kayla was in
/// the same car with the men from the takeaway. The team manager tags Kayla from Leah's record (what is missing is
/// named under each field first); Kayla's record shows where the information is and what it says; Kayla's key worker
/// finds it in "Cross-references for me" and acknowledges it, after which it leaves the list and her record shows who
/// acknowledged it. Kayla's foster carer, who may read her record but not Leah's, sees only that it exists and where.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CrossReferenceJourneyTests(Platform platform, Chromium chromium) : IClassFixture<Chromium>
{
    private const string Summary = "Her younger sister was in the same car on Friday night with the men from the takeaway.";

    [Fact]
    public async Task A_manager_tags_a_sister_from_one_record_her_key_worker_acknowledges_it_and_her_carer_sees_it_only_as_restricted()
    {
        var family = "Webxref" + Guid.NewGuid().ToString("N")[..6];
        var kaylaBorn = new DateOnly(2013, 2, 2);
        using var social = platform.Client("SocialWorker", "web-xref-sw");
        var leahId = await Seed.RegisterAsync(social, "Leah", family, new DateOnly(2010, 6, 1));
        var kaylaId = await Seed.RegisterAsync(social, "Kayla", family, kaylaBorn);
        using var manager = platform.Client("TeamManager", "web-xref-tm");
        const string Note = "Leah said Kayla was in the silver car on Friday with the men from the takeaway.";
        using (var noted = await social.PostAsJsonAsync($"/api/referrals/young-people/{leahId}/chronology", new { occurredAt = DateTimeOffset.UtcNow.AddHours(-3), text = Note }))
        {
            Assert.Equal(HttpStatusCode.Created, noted.StatusCode);
        }
        Guid caseId;
        using (var opened = await social.PostAsJsonAsync("/api/referrals/cases", new
        {
            youngPersonId = kaylaId, leadTeam = "CSE", allocationCriterion = "RiskHighOrAbove", criteriaVersion = "2026.1",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
            caseId = (await Seed.JsonAsync(opened)).GetProperty("id").GetGuid();
        }
        using (var allocated = await manager.PostAsJsonAsync($"/api/referrals/cases/{caseId}/key-worker", new { keyWorker = "demo-socialworker" }))
        {
            Assert.Equal(HttpStatusCode.OK, allocated.StatusCode);
        }
        using (var shared = await manager.PostAsJsonAsync($"/api/referrals/young-people/{kaylaId}/sharing-relationships", new
        {
            userId = "demo-carer", kind = "Placement", validFrom = DateTimeOffset.UtcNow.AddDays(-1), reason = "Placed with this carer",
        }))
        {
            Assert.True(shared.IsSuccessStatusCode, $"sharing Kayla's record with her carer: {shared.StatusCode}");
        }

        await using (var browser = await chromium.NewSessionAsync(platform))
        {
            var page = browser.Page;
            await browser.SignInAsync("demo-teammanager");
            await page.GotoAsync($"/young-people/{leahId}");
            var section = page.GetByTestId("cross-references");
            await Assertions.Expect(section).ToContainTextAsync("No other young person's record mentions them.");
            var form = page.GetByRole(AriaRole.Form, new() { Name = "Tag another young person" });
            await form.GetByRole(AriaRole.Button, new() { Name = "Tag them" }).ClickAsync();
            await Assertions.Expect(form.Locator("#xref-tagged-error")).ToHaveTextAsync("'taggedYoungPersonId' is required.");
            await Assertions.Expect(form.Locator("#xref-kind-error")).ToHaveTextAsync("'sourceKind' is required.");
            await Assertions.Expect(form.Locator("#xref-summary-error")).ToHaveTextAsync("'summary' is required.");

            await form.GetByLabel("Find them by name").FillAsync($"Kayla {family}");
            await form.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
            var kayla = $"Kayla {family}, born {kaylaBorn.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)}, Maltby";
            await Assertions.Expect(form.GetByLabel("Young person to tag").Locator("option", new() { HasText = kayla })).ToHaveCountAsync(1);
            await form.GetByLabel("Young person to tag").SelectOptionAsync(new SelectOptionValue { Label = kayla });
            await form.GetByLabel("Where on this record it is").SelectOptionAsync(new SelectOptionValue { Label = "A case note" });
            // The case note is chosen from Leah's chronology, not typed: the service checks it is on her record.
            var which = form.GetByLabel("Which one (optional)");
            await Assertions.Expect(which.Locator("option", new() { HasText = "the silver car" })).ToHaveCountAsync(1);
            await which.SelectOptionAsync(new SelectOptionValue { Label = (await which.Locator("option", new() { HasText = "the silver car" }).TextContentAsync())! });
            await form.GetByLabel("What it says about them").FillAsync(Summary);
            await form.GetByRole(AriaRole.Button, new() { Name = "Tag them" }).ClickAsync();
            await Assertions.Expect(form.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Kayla {family} is tagged; their key worker (demo-socialworker) will be told.");
            await Assertions.Expect(form.Locator(".field-error")).ToHaveCountAsync(0);
            await browser.ScreenshotAsync("team-manager-cross-reference-tagged");
            Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

            await page.GotoAsync($"/young-people/{kaylaId}");
            var reference = page.GetByTestId("cross-references").GetByTestId("cross-reference");
            await Assertions.Expect(reference).ToHaveCountAsync(1);
            await Assertions.Expect(reference.Locator("p").First).ToHaveTextAsync($"On Leah {family}'s record, in a case note:");
            await Assertions.Expect(reference.Locator("blockquote")).ToHaveTextAsync(Summary);
            await Assertions.Expect(reference.Locator(".signed")).ToHaveTextAsync(new Regex(@"^Recorded by demo-teammanager .* (GMT|BST) · key worker told: demo-socialworker$"));
            Assert.Empty(browser.ConsoleProblems);
        }

        await using (var browser = await chromium.NewSessionAsync(platform))
        {
            var page = browser.Page;
            await browser.SignInAsync("demo-socialworker");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Cross-references for me" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cross-references for me", Level = 1 })).ToBeVisibleAsync();
            var card = page.GetByTestId("cross-reference").Filter(new() { HasText = $"Kayla {family}" });
            await Assertions.Expect(card.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync($"About Kayla {family}");
            await Assertions.Expect(card).ToContainTextAsync($"On Leah {family}'s record, in a case note:");
            await Assertions.Expect(card.Locator("blockquote")).ToHaveTextAsync(Summary);
            await browser.ScreenshotAsync("key-worker-cross-references-for-me");
            Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
            await card.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Acknowledged: Kayla {family} on Leah {family}'s record.");
            await Assertions.Expect(card).ToHaveCountAsync(0);

            await page.GotoAsync($"/young-people/{kaylaId}");
            await Assertions.Expect(page.GetByTestId("cross-references").GetByTestId("cross-reference").Locator(".signed"))
                .ToContainTextAsync("key worker told: demo-socialworker · acknowledged by demo-socialworker");
            Assert.Empty(browser.ConsoleProblems);
        }

        // Her carer may read Kayla's record but not Leah's: the information exists and where, not what it says.
        await using (var browser = await chromium.NewSessionAsync(platform))
        {
            var page = browser.Page;
            await browser.SignInAsync("demo-carer");
            await page.GotoAsync($"/young-people/{kaylaId}");
            var reference = page.GetByTestId("cross-references").GetByTestId("cross-reference");
            await Assertions.Expect(reference.Locator("p").First)
                .ToHaveTextAsync("Restricted. Another young person's record, which you may not read, holds information about them in a case note.");
            await Assertions.Expect(reference.GetByText(Summary)).ToHaveCountAsync(0);
            await Assertions.Expect(reference.GetByText("note 14")).ToHaveCountAsync(0);
            await Assertions.Expect(reference.Locator($"a[href='/young-people/{leahId}']")).ToHaveCountAsync(0);
            await browser.ScreenshotAsync("carer-cross-reference-restricted");
        }
    }

    [Fact]
    public async Task A_social_worker_names_an_adult_on_a_record_and_sees_which_other_young_person_is_linked_to_him()
    {
        var family = "Webadult" + Guid.NewGuid().ToString("N")[..6];
        var adult = $"Dean {family}";
        using var social = platform.Client("SocialWorker", "web-adult-sw");
        var chloeId = await Seed.RegisterAsync(social, "Chloe", family, new DateOnly(2011, 9, 14));
        var tiaId = await Seed.RegisterAsync(social, "Tia", family, new DateOnly(2012, 3, 3));
        using (var noted = await social.PostAsJsonAsync($"/api/referrals/young-people/{chloeId}/chronology",
            new { occurredAt = DateTimeOffset.UtcNow.AddHours(-1), text = "Chloe says an older man called Dean buys them drinks." }))
        {
            Assert.Equal(HttpStatusCode.Created, noted.StatusCode);
        }
        // Tia's record already names him.
        using (var tagged = await social.PostAsJsonAsync($"/api/referrals/young-people/{tiaId}/adult-tags", new
        {
            name = adult, sourceKind = "visit", summary = "Picks her up from school in a silver Golf.",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, tagged.StatusCode);
        }

        await using (var browser = await chromium.NewSessionAsync(platform))
        {
            var page = browser.Page;
            await browser.SignInAsync("demo-socialworker");
            await page.GotoAsync($"/young-people/{chloeId}");
            var section = page.GetByTestId("adult-tags");
            await Assertions.Expect(section).ToContainTextAsync("No adult is named on this record yet.");

            // Where on the record he is named, and what it says: both refused under their fields when missing.
            var form = page.GetByRole(AriaRole.Form, new() { Name = "Name an adult on this record" });
            await form.GetByLabel("The adult's name").FillAsync(adult.ToUpperInvariant());
            await form.GetByRole(AriaRole.Button, new() { Name = "Name the adult" }).ClickAsync();
            await Assertions.Expect(form.Locator("#adult-kind-error")).ToHaveTextAsync("'sourceKind' is required.");
            await Assertions.Expect(form.Locator("#adult-summary-error")).ToHaveTextAsync("'summary' is required.");
            await Assertions.Expect(form.GetByLabel("What the record says about them")).ToHaveAttributeAsync("aria-invalid", "true");

            await form.GetByLabel("Where on this record they are named").SelectOptionAsync(new SelectOptionValue { Label = "A chronology entry" });
            // The entry is chosen from Chloe's chronology: the service checks it is on her record.
            var which = form.GetByLabel("Which one (optional)").Locator("option", new() { HasText = "an older man called Dean" });
            await Assertions.Expect(which).ToHaveCountAsync(1);
            await form.GetByLabel("Which one (optional)").SelectOptionAsync(new SelectOptionValue { Label = (await which.TextContentAsync())! });
            await form.GetByLabel("What the record says about them").FillAsync("Chloe says Dean gives her and her friends vodka in the park.");
            await form.GetByRole(AriaRole.Button, new() { Name = "Name the adult" }).ClickAsync();
            // The same adult however his name is typed: the register matches the normalised name, and Tia is linked to him.
            await Assertions.Expect(form.GetByRole(AriaRole.Status))
                .ToHaveTextAsync($"{adult.ToUpperInvariant()} is named on this record; another young person is linked to them too.");
            await Assertions.Expect(form.Locator(".field-error")).ToHaveCountAsync(0);
            var tag = section.GetByTestId("adult-tag");
            await Assertions.Expect(tag).ToHaveCountAsync(1);
            await Assertions.Expect(tag.Locator("p").First).ToHaveTextAsync($"{adult.ToUpperInvariant()}, named in a chronology entry:");
            await Assertions.Expect(tag.Locator("blockquote")).ToHaveTextAsync("Chloe says Dean gives her and her friends vodka in the park.");
            await Assertions.Expect(tag.GetByTestId("also-named-on")).ToHaveTextAsync($"Also linked to another young person: Tia {family}");
            await Assertions.Expect(tag.Locator(".signed")).ToHaveTextAsync(new Regex(@"^Recorded by demo-socialworker .* (GMT|BST)$"));
            await browser.ScreenshotAsync("social-worker-adult-named");
            Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

            // Tia's record, one click away, names the same adult and links back to Chloe.
            await tag.GetByRole(AriaRole.Link, new() { Name = $"Tia {family}" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/young-people/{tiaId}$"));
            var tiaTag = page.GetByTestId("adult-tags").GetByTestId("adult-tag");
            await Assertions.Expect(tiaTag.Locator("p").First).ToHaveTextAsync($"{adult}, named in a visit:");
            await Assertions.Expect(tiaTag.GetByTestId("also-named-on")).ToHaveTextAsync($"Also linked to another young person: Chloe {family}");
            Assert.Empty(browser.ConsoleProblems);
        }

        var stored = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{chloeId}/adult-tags");
        var only = Assert.Single(stored.EnumerateArray());
        Assert.Equal("chronology-entry", only.GetProperty("sourceKind").GetString());
        var chronology = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{chloeId}/chronology");
        var note = chronology.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "CaseNote");
        Assert.Equal(note.GetProperty("id").GetString(), only.GetProperty("sourceReference").GetString());
        Assert.Equal(tiaId, Assert.Single(only.GetProperty("otherYoungPeople").EnumerateArray()).GetGuid());
    }
}
