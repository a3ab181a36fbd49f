using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Support.EndToEnd.Tests;

namespace Support.Web.Tests;

/// <summary>
/// Journey 3, the team manager: the dashboard of everything overdue or due today. A return interview still to be done
/// (its 72 hours counting down in London time) and an open case with no key worker both appear, each linking to the
/// young person's record.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ManagerDashboardTests(Platform platform, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task A_team_manager_sees_a_return_interview_due_and_an_unallocated_case_each_linking_to_the_record()
    {
        var family = "Webdash" + Guid.NewGuid().ToString("N")[..6];
        using var social = platform.Client("SocialWorker", "web-seed-sw");
        var youngPersonId = await Seed.RegisterAsync(social, "Mia", family, new DateOnly(2011, 5, 9));
        var now = DateTimeOffset.UtcNow;
        using var reported = await Seed.PostOnceKnownAsync(social, "/api/missing/episodes", new
        {
            youngPersonId, missingFrom = "Home", lastSeenAt = now.AddHours(-6), lastSeenLocation = "Bus station",
            reportedBy = "Mother", circumstances = "Did not come home after school",
        }, "the Missing service to know the young person");
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var episodeId = (await Seed.JsonAsync(reported)).GetProperty("id").GetGuid();
        using (var returned = await social.PostAsJsonAsync($"/api/missing/episodes/{episodeId}/return", new
        {
            returnedAt = DateTimeOffset.UtcNow, whereFound = "Takeaway on the ring road", howReturned = "Dropped off by a taxi",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, returned.StatusCode);
        }
        using (var opened = await social.PostAsJsonAsync("/api/referrals/cases", new
        {
            youngPersonId, leadTeam = "CSE", allocationCriterion = "RiskHighOrAbove", criteriaVersion = "2026.1",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        }

        await using var browser = await chromium.NewSessionAsync(platform);
        var page = browser.Page;
        await browser.SignInAsync("demo-teammanager");
        await page.WaitForURLAsync("**/dashboard");

        var interviews = page.GetByTestId("return-interviews-not-done-soonest-due-first");
        var interviewRow = interviews.GetByRole(AriaRole.Listitem).Filter(new() { HasText = $"Mia {family}" });
        await Assertions.Expect(interviewRow).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"(GMT|BST) \(due in (2 d|3 d)"));
        var cases = page.GetByTestId("unallocated-cases-highest-risk-first");
        await Assertions.Expect(cases.Locator($"a[href='/young-people/{youngPersonId}']")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("team-manager-dashboard");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

        await interviewRow.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Mia {family}", Level = 1 })).ToBeVisibleAsync();
        Assert.EndsWith($"/young-people/{youngPersonId}", page.Url, StringComparison.Ordinal);
        Assert.Empty(browser.ConsoleProblems);
    }
}
