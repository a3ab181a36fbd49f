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
/// The case on the young person's record (REF-23, REF-24): the social worker records a visit (a visit in the future is
/// refused under its field) and is not offered the manager's control; the team manager ends the key worker's allocation
/// with no successor, and the case is then on the dashboard's unallocated list.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CaseWorkJourneyTests(Platform platform, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task A_social_worker_records_a_visit_on_the_case_and_a_team_manager_ends_the_key_worker_allocation_so_the_case_is_unallocated()
    {
        var family = "Webcase" + Guid.NewGuid().ToString("N")[..6];
        using var social = platform.Client("SocialWorker", "web-case-sw");
        var youngPersonId = await Seed.RegisterAsync(social, "Ruby", family, new DateOnly(2011, 1, 17));
        Guid caseId;
        using (var opened = await social.PostAsJsonAsync("/api/referrals/cases", new
        {
            youngPersonId, leadTeam = "CSE", allocationCriterion = "RiskHighOrAbove", criteriaVersion = "2026.1",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
            caseId = (await Seed.JsonAsync(opened)).GetProperty("id").GetGuid();
        }
        using var manager = platform.Client("TeamManager", "web-case-manager");
        using (var allocated = await manager.PostAsJsonAsync($"/api/referrals/cases/{caseId}/key-worker", new { keyWorker = "web-case-keyworker" }))
        {
            Assert.Equal(HttpStatusCode.OK, allocated.StatusCode);
        }

        await using (var browser = await chromium.NewSessionAsync(platform, width: 390, height: 844))
        {
            var page = browser.Page;
            await browser.SignInAsync("demo-socialworker");
            await page.GotoAsync($"/young-people/{youngPersonId}");
            var card = page.GetByTestId("case");
            await Assertions.Expect(card).ToContainTextAsync("CSE case · open since");
            await Assertions.Expect(card.GetByTestId("key-worker")).ToContainTextAsync("Key worker web-case-keyworker since");
            // Ending an allocation is for managers (docs/access-matrix.md): a social worker is not offered it.
            await Assertions.Expect(page.GetByRole(AriaRole.Form, new() { Name = "End the key-worker allocation on the CSE case" })).ToHaveCountAsync(0);

            var visit = page.GetByRole(AriaRole.Form, new() { Name = "Record a visit on the CSE case" });
            await visit.GetByLabel("When the visit happened").FillAsync(LondonInput(DateTimeOffset.UtcNow.AddDays(2)));
            await visit.GetByLabel("Where").FillAsync("School");
            await visit.GetByRole(AriaRole.Button, new() { Name = "Record the visit" }).ClickAsync();
            await Assertions.Expect(page.Locator($"#visit-{caseId}-when-error")).ToBeVisibleAsync();
            await Assertions.Expect(visit.GetByLabel("When the visit happened")).ToHaveAttributeAsync("aria-invalid", "true");

            var visitedAt = DateTimeOffset.UtcNow.AddDays(-3);
            await visit.GetByLabel("When the visit happened").FillAsync(LondonInput(visitedAt));
            await visit.GetByLabel("Was it face to face?").SelectOptionAsync("yes");
            await visit.GetByLabel("About the visit (optional)").FillAsync("Seen alone; she talked about the taxi drivers.");
            await visit.GetByRole(AriaRole.Button, new() { Name = "Record the visit" }).ClickAsync();
            var recorded = visit.GetByRole(AriaRole.Status);
            await Assertions.Expect(recorded).ToContainTextAsync(new Regex(@"Visit recorded: face to face at School, .* (GMT|BST)\."));
            await Assertions.Expect(recorded.Locator("time")).ToHaveAttributeAsync("datetime", new Regex("^" + visitedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)));
            await Assertions.Expect(visit.GetByLabel("Where")).ToHaveValueAsync("");
            // The visit stays on the case after a reload: the last one is shown where the work is done.
            await page.ReloadAsync();
            await Assertions.Expect(page.GetByTestId("case").GetByTestId("visits")).ToContainTextAsync(new Regex(@"Last visit: face to face, .* \(1 recorded\)"));
            await browser.ScreenshotAsync("social-worker-case-visit-phone");
            Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
            Assert.Empty(browser.ConsoleProblems);
        }

        await using (var browser = await chromium.NewSessionAsync(platform))
        {
            var page = browser.Page;
            await browser.SignInAsync("demo-teammanager");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/dashboard$"));
            // While the key worker holds it, the case is not on the unallocated list (once the list has loaded).
            var panel = page.GetByTestId("unallocated-cases-highest-risk-first");
            await Assertions.Expect(panel.Locator(".count")).ToHaveTextAsync(new Regex(@"^\d+$"));
            await Assertions.Expect(panel.Locator($"a[href='/young-people/{youngPersonId}']")).ToHaveCountAsync(0);

            await page.GotoAsync($"/young-people/{youngPersonId}");
            var end = page.GetByRole(AriaRole.Form, new() { Name = "End the key-worker allocation on the CSE case" });
            await end.GetByRole(AriaRole.Button, new() { Name = "End the allocation" }).ClickAsync();
            await Assertions.Expect(page.Locator($"#end-{caseId}-reason-error")).ToContainTextAsync("reason");
            await end.GetByLabel("Why the allocation ends").FillAsync("Key worker on long-term sick leave; no one free to take over yet.");
            await end.GetByRole(AriaRole.Button, new() { Name = "End the allocation" }).ClickAsync();
            var keyWorker = page.GetByTestId("case").GetByTestId("key-worker");
            await Assertions.Expect(keyWorker).ToContainTextAsync(new Regex(@"No key worker since .* (GMT|BST)"));
            await Assertions.Expect(end).ToHaveCountAsync(0);
            await browser.ScreenshotAsync("team-manager-end-allocation");
            Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

            // REF-23: from now the case is on the unallocated list, counted from the moment the allocation ended.
            await page.GetByRole(AriaRole.Link, new() { Name = "Overdue and due today" }).ClickAsync();
            var row = page.GetByTestId("unallocated-cases-highest-risk-first").GetByRole(AriaRole.Listitem)
                .Filter(new() { Has = page.Locator($"a[href='/young-people/{youngPersonId}']") });
            await Assertions.Expect(row).ToContainTextAsync("CSE: risk not rated, 0 days unallocated");
            await Assertions.Expect(row).ToContainTextAsync(new Regex(@"Unallocated since .*(GMT|BST)"));
            Assert.Empty(browser.ConsoleProblems);
        }

        // What the screens showed is what the service stored.
        var stored = await manager.GetFromJsonAsync<JsonElement>($"/api/referrals/cases/{caseId}");
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("case").GetProperty("keyWorker").ValueKind);
    }

    /// <summary>An instant as a datetime-local input holds it in a browser set to UK time.</summary>
    private static string LondonInput(DateTimeOffset instant) =>
        London.ToLocal(instant).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
