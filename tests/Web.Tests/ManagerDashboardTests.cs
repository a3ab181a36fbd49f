using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Support.EndToEnd.Tests;
using Support.ServiceDefaults.Time;

namespace Support.Web.Tests;

/// <summary>
/// Journey 3, the team manager: the dashboard of everything overdue or due today. A strategy action due later today
/// (the service decides what "today" is, in London) is listed as due today with its time in UK time, not as overdue;
/// an open case with no key worker and an open escalation with its age in days (REF-21) appear too; each row links to
/// the young person's record. A high-risk case whose last face-to-face visit is older than its risk level allows is
/// listed with the days since that visit and the level (REF-23).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ManagerDashboardTests(Platform platform, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task A_team_manager_sees_a_strategy_action_due_today_an_unallocated_case_and_an_open_escalation_each_linking_to_the_record()
    {
        var family = "Webdash" + Guid.NewGuid().ToString("N")[..6];
        using var social = platform.Client("SocialWorker", "web-seed-sw");
        var youngPersonId = await Seed.RegisterAsync(social, "Mia", family, new DateOnly(2011, 5, 9));
        var now = DateTimeOffset.UtcNow;
        // Later today in London, whatever the hour the test runs: half-way to London midnight, at most 3 hours ahead.
        var untilMidnight = London.DayOf(London.DateOf(now)).To - now;
        var dueAt = now + TimeSpan.FromTicks(Math.Min(untilMidnight.Ticks / 2, TimeSpan.FromHours(3).Ticks));
        var description = $"Visit Mia at school {family}";
        // COM-10: the action's owner is an active member of staff.
        using (var manager = platform.Client("TeamManager", "web-seed-tm"))
        using (var staff = await manager.PostAsJsonAsync("/api/referrals/staff",
            new { userId = "web-sam-social", displayName = "Sam Social", role = "SocialWorker", organisation = "Children's social care" }))
        {
            Assert.True(staff.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"registering the owner: {staff.StatusCode}");
        }
        using (var drafted = await social.PostAsJsonAsync("/api/referrals/strategy-meetings", new
        {
            youngPersonIds = new[] { youngPersonId }, pathwayIds = Array.Empty<Guid>(), heldAt = now.AddHours(-1),
            chair = new { name = "Dana Chair", role = "CSE team manager", grade = "TeamManager" },
            attendees = new object[]
            {
                new { name = "Sam Social", role = "Social worker", agency = "Children's social care" },
                new { name = "Pat Police", role = "Detective constable", agency = "South Yorkshire Police" },
            },
            childViews = new[] { new { youngPersonId, inOwnWords = "I just want them to leave me alone." } },
            familyView = "Mother is worried about the older men and the taxis.",
            decisions = new[] { new { text = "Section 47 enquiries to continue jointly with the police." } },
            actions = new[] { new { description, owner = "web-sam-social", dueAt } },
            noFurtherAction = false,
        }))
        {
            Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
            var meetingId = (await Seed.JsonAsync(drafted)).GetProperty("id").GetGuid();
            using var finalised = await social.PostAsync($"/api/referrals/strategy-meetings/{meetingId}/finalise", null);
            Assert.Equal(HttpStatusCode.OK, finalised.StatusCode);
        }
        using (var opened = await social.PostAsJsonAsync("/api/referrals/cases", new
        {
            youngPersonId, leadTeam = "CSE", allocationCriterion = "RiskHighOrAbove", criteriaVersion = "2026.1",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        }
        using (var escalated = await social.PostAsJsonAsync($"/api/referrals/young-people/{youngPersonId}/escalations", new
        {
            decisionKind = "ReferralDecision", concern = "Closed as 'out of control' but she is going missing with older men.",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, escalated.StatusCode);
        }

        await using var browser = await chromium.NewSessionAsync(platform);
        var page = browser.Page;
        await browser.SignInAsync("demo-teammanager");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/dashboard$"));

        var dueToday = page.GetByTestId("strategy-actions-due-today");
        var actionRow = dueToday.GetByRole(AriaRole.Listitem).Filter(new() { HasText = description });
        await Assertions.Expect(actionRow).ToContainTextAsync(new Regex(@"(GMT|BST) \(due in (\d+ h )?\d+ min\)"));
        await Assertions.Expect(actionRow.Locator("time")).ToHaveAttributeAsync("datetime", new Regex("^" + dueAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm")));
        await Assertions.Expect(page.GetByTestId("strategy-actions-overdue").GetByText(description)).ToHaveCountAsync(0);
        var cases = page.GetByTestId("unallocated-cases-highest-risk-first");
        // REF-23: the case shows its risk level and how long it has gone without a key worker, from the service.
        var unallocated = cases.GetByRole(AriaRole.Listitem).Filter(new() { Has = page.Locator($"a[href='/young-people/{youngPersonId}']") });
        await Assertions.Expect(unallocated).ToContainTextAsync($"Mia {family}: CSE: risk not rated, 0 days unallocated");
        await Assertions.Expect(unallocated).ToContainTextAsync(new Regex(@"Unallocated since .*(GMT|BST)"));
        // REF-21: the open escalation, with its age in days and the deadline for its written response.
        var escalation = page.GetByTestId("open-escalations-oldest-first").GetByRole(AriaRole.Listitem)
            .Filter(new() { Has = page.Locator($"a[href='/young-people/{youngPersonId}']") });
        await Assertions.Expect(escalation).ToContainTextAsync($"Mia {family}: ReferralDecision challenged by SocialWorker, 0 days old, for a TeamManager");
        await Assertions.Expect(escalation).ToContainTextAsync(new Regex(@"Written response .*(GMT|BST)"));
        // COM-08: the caseloads panel is there, counted by the service (its figures are tested in Referrals.Tests).
        await Assertions.Expect(page.GetByTestId("caseloads-over-the-threshold").GetByRole(AriaRole.Heading)).ToContainTextAsync(new Regex(@"Caseloads over the threshold \d+"));
        await browser.ScreenshotAsync("team-manager-dashboard");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

        await actionRow.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Mia {family}", Level = 1 })).ToBeVisibleAsync();
        Assert.EndsWith($"/young-people/{youngPersonId}", page.Url, StringComparison.Ordinal);
        Assert.Empty(browser.ConsoleProblems);
    }

    [Fact]
    public async Task A_team_manager_sees_a_high_risk_case_past_its_visit_gap_with_the_days_since_the_last_visit_and_its_risk_level()
    {
        var family = "Webgap" + Guid.NewGuid().ToString("N")[..6];
        using var social = platform.Client("SocialWorker", "web-seed-sw");
        var youngPersonId = await Seed.RegisterAsync(social, "Lily", family, new DateOnly(2010, 11, 3));
        using (var assessment = await social.PostAsJsonAsync($"/api/referrals/young-people/{youngPersonId}/risk-assessments", new
        {
            eventDate = London.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd"), indicators = new[] { "PickedUpByTaxi" }, sexualActivity = false,
            disclosureOfAssault = false, missingEpisodesInLast90Days = 0, chosenLevel = "High", rationale = "Lifts from older men",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, assessment.StatusCode);
        }
        Guid caseId;
        using (var opened = await social.PostAsJsonAsync("/api/referrals/cases", new
        {
            youngPersonId, leadTeam = "CSE", allocationCriterion = "RiskHighOrAbove", criteriaVersion = "2026.1",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
            caseId = (await Seed.JsonAsync(opened)).GetProperty("id").GetGuid();
        }
        using var manager = platform.Client("TeamManager", "web-gap-manager");
        using (var allocated = await manager.PostAsJsonAsync($"/api/referrals/cases/{caseId}/key-worker", new { keyWorker = "web-gap-keyworker" }))
        {
            Assert.Equal(HttpStatusCode.OK, allocated.StatusCode);
        }
        // REF-23: a High case allows 14 days without face-to-face contact; the last visit was 20 days ago.
        var visitedAt = DateTimeOffset.UtcNow.AddDays(-20).AddMinutes(-5);
        using (var visit = await social.PostAsJsonAsync($"/api/referrals/cases/{caseId}/visits", new { occurredAt = visitedAt, faceToFace = true, place = "Home" }))
        {
            Assert.Equal(HttpStatusCode.Created, visit.StatusCode);
        }
        // A later contact that was not face to face does not reset the gap.
        using (var call = await social.PostAsJsonAsync($"/api/referrals/cases/{caseId}/visits", new { occurredAt = DateTimeOffset.UtcNow.AddDays(-2), faceToFace = false, place = "Phone" }))
        {
            Assert.Equal(HttpStatusCode.Created, call.StatusCode);
        }

        await using var browser = await chromium.NewSessionAsync(platform);
        var page = browser.Page;
        await browser.SignInAsync("demo-teammanager");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/dashboard$"));
        var gaps = page.GetByTestId("cases-past-their-visit-gap-longest-overdue-first");
        await Assertions.Expect(gaps.GetByRole(AriaRole.Heading, new() { Name = "Cases past their visit gap, longest overdue first" })).ToBeVisibleAsync();
        var gap = gaps.GetByRole(AriaRole.Listitem).Filter(new() { Has = page.Locator($"a[href='/young-people/{youngPersonId}']") });
        await Assertions.Expect(gap).ToContainTextAsync($"Lily {family}: High: 20 days since the last face-to-face visit (14 days allowed), key worker web-gap-keyworker");
        await Assertions.Expect(gap.Locator("time").First).ToHaveAttributeAsync("datetime", new Regex("^" + visitedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm")));
        await Assertions.Expect(gap).ToContainTextAsync(new Regex(@"Last visit .*(GMT|BST) · Visit .*(GMT|BST) \(overdue by 6 d \d+ h\)"));
        // The case has a key worker: the unallocated list is not where it belongs.
        await Assertions.Expect(page.GetByTestId("unallocated-cases-highest-risk-first").Locator($"a[href='/young-people/{youngPersonId}']")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("team-manager-visit-gaps");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

        await gap.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Lily {family}", Level = 1 })).ToBeVisibleAsync();
        Assert.Empty(browser.ConsoleProblems);
    }
}
