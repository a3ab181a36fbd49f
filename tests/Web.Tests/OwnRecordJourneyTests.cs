using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Support.EndToEnd.Tests;
using Support.Testing;

namespace Support.Web.Tests;

/// <summary>
/// A young person's own record (issue 16 item 4, REC-10) on a phone. Imray §4.1: young people "were never shown what
/// had been written about them". A social worker links her own sign-in to her record; she signs in, lands on "My
/// record", asks for a copy of what is written about her and sees it waiting with the date it is due; the data
/// protection officer answers with a pack that withholds her brother's name, with a reason; she reads it: the case
/// note without his name, and why it was taken out. His name is never on her screen.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OwnRecordJourneyTests(Platform platform, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task A_young_person_asks_for_a_copy_of_what_is_written_about_her_on_her_phone_and_reads_it_without_her_brothers_name()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var family = "Webown" + suffix[..6];
        var sibling = $"Tyler {family}";
        var subject = $"web-own-{suffix}";
        const string reason = "Third party: her brother's identity";
        using var social = platform.Client("SocialWorker", "web-own-sw");
        var youngPersonId = await Seed.RegisterAsync(social, "Kayla", family, new DateOnly(2009, 3, 14));
        using (var note = await social.PostAsJsonAsync($"/api/referrals/young-people/{youngPersonId}/chronology", new
        {
            occurredAt = DateTimeOffset.UtcNow.AddDays(-20), text = $"She said her brother {sibling} was with the men in the car.",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        }
        using (var linked = await social.PostAsJsonAsync($"/api/referrals/young-people/{youngPersonId}/sign-in-identities", new
        {
            subject, howVerified = "Met her at the office with her college ID; she chose the account with me.",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
        }

        await using var browser = await chromium.NewSessionAsync(platform, width: 390, height: 844);
        var page = browser.Page;
        await browser.SignInAsAsync(subject, "YoungPerson");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/my-record$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My record", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("You have not asked yet.")).ToBeVisibleAsync();

        var ask = page.GetByRole(AriaRole.Button, new() { Name = "Ask for a copy of what is written about me" });
        await ask.ClickAsync();
        var request = page.GetByTestId("my-request");
        await Assertions.Expect(request).ToHaveCountAsync(1);
        await Assertions.Expect(request.GetByTestId("request-status")).ToHaveTextAsync("Waiting");

        // The screen shows the date the service set, as a London date.
        using var herself = platform.Client("YoungPerson", subject);
        var mine = await Seed.JsonAsync(await herself.GetAsync("/api/referrals/me/subject-access-requests"));
        var made = Assert.Single(mine.EnumerateArray());
        var requestId = made.GetProperty("id").GetGuid();
        var dueOn = DateOnly.ParseExact(made.GetProperty("dueOn").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Assertions.Expect(request).ToContainTextAsync($"It is due by {dueOn.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)}");
        // One open request at a time: the button says why it cannot be pressed again.
        await Assertions.Expect(ask).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#ask-waiting")).ToContainTextAsync("You have already asked");
        await NeverNamedAsync(page, sibling);
        await browser.ScreenshotAsync("young-person-my-record-phone");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

        // The data protection officer answers with a pack that withholds her brother's name.
        using (var dpo = platform.Client("DataProtectionOfficer", "web-own-dpo"))
        {
            Guid packId;
            using (var packMade = await dpo.PostAsJsonAsync($"/api/referrals/young-people/{youngPersonId}/disclosure-packs",
                new { purpose = "SubjectAccess", recipient = "Kayla herself" }))
            {
                Assert.True(packMade.IsSuccessStatusCode, await packMade.Content.ReadAsStringAsync());
                packId = (await Seed.JsonAsync(packMade)).GetProperty("id").GetGuid();
            }
            // Every other service answers with its part over the bus; a pack is redacted and released only when complete.
            await Eventually.TrueAsync(async () => (await dpo.GetFromJsonAsync<JsonElement>($"/api/referrals/disclosure-packs/{packId}?view=original"))
                .GetProperty("manifest").GetProperty("complete").GetBoolean(), TimeSpan.FromSeconds(30), "every service's part of the pack");
            using (var redacted = await dpo.PostAsJsonAsync($"/api/referrals/disclosure-packs/{packId}/redactions",
                new { text = sibling, reason, recipient = "Kayla herself" }))
            {
                Assert.True(redacted.IsSuccessStatusCode, await redacted.Content.ReadAsStringAsync());
            }
            using var answered = await dpo.PostAsJsonAsync($"/api/referrals/subject-access-requests/{requestId}/answer",
                new { packId, thirdPartiesReviewed = true });
            Assert.True(answered.IsSuccessStatusCode, await answered.Content.ReadAsStringAsync());
        }

        await page.ReloadAsync();
        await Assertions.Expect(request.GetByTestId("request-status")).ToHaveTextAsync("Answered");
        await Assertions.Expect(ask).ToBeEnabledAsync();
        await request.GetByRole(AriaRole.Link, new() { Name = "Read it" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"/my-record/requests/{requestId}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What is written about you", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("withheld-note")).ToContainTextAsync("Some parts may be withheld to protect other people");
        var item = page.GetByTestId("pack-item").Filter(new() { HasText = "with the men in the car" });
        await Assertions.Expect(item).ToContainTextAsync("She said her brother [redacted] was with the men in the car.");
        await Assertions.Expect(item.GetByTestId("redaction-reasons")).ToContainTextAsync(reason);
        await browser.ScreenshotAsync("young-person-reads-her-record-phone");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

        // Her brother's name is nowhere on her screen (nor in the page behind it), and the address holds only ids.
        await NeverNamedAsync(page, sibling);
        Assert.DoesNotContain(family, page.Url, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(browser.ConsoleProblems);
    }

    private static async Task NeverNamedAsync(IPage page, string name)
    {
        Assert.DoesNotContain(name, await page.Locator("body").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(name, await page.ContentAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
