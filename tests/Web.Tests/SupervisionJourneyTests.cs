using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Support.EndToEnd.Tests;

namespace Support.Web.Tests;

/// <summary>
/// Supervision of a case in the browser (issue 14 for REF-18 and REC-06). Imray §4.5: hypotheses were never tested in
/// supervision; §4.6: notes completed by someone other than the team manager, with no reason recorded. The demo team
/// manager supervises a case of a team they do not manage: the required parts are named under their fields, then they
/// are told under the reason field to say why they gave it, then the entry is recorded with the hypothesis, the
/// alternatives and their status; the social worker on the case reads it but is offered no form. The dashboard's
/// supervision-gap panel shows what the service lists, and not a case opened today.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SupervisionJourneyTests(Platform platform, Chromium chromium) : IClassFixture<Chromium>
{
    private const string Hypothesis = "She is being groomed by the older men at the takeaway, not 'out of control'.";
    private const string Alternatives = "Peer-on-peer only; family conflict. Neither explains the gifts and the cars.";
    private const string Discussion = "Strategy meeting within 24 hours; visit weekly.";

    [Fact]
    public async Task A_manager_records_supervision_with_the_hypothesis_saying_why_as_not_the_teams_manager_and_the_social_worker_reads_it()
    {
        var family = "Websuper" + Guid.NewGuid().ToString("N")[..6];
        var team = $"Team {family}";
        using var social = platform.Client("SocialWorker", "web-super-sw");
        var childId = await Seed.RegisterAsync(social, "Jade", family, new DateOnly(2011, 8, 14));
        Guid caseId;
        using (var opened = await social.PostAsJsonAsync("/api/referrals/cases", new
        {
            youngPersonId = childId, leadTeam = team, allocationCriterion = "RiskHighOrAbove", criteriaVersion = "2026.1",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
            caseId = (await Seed.JsonAsync(opened)).GetProperty("id").GetGuid();
        }

        await using (var browser = await chromium.NewSessionAsync(platform))
        {
            var page = browser.Page;
            await browser.SignInAsync("demo-teammanager");
            await page.GotoAsync($"/young-people/{childId}");
            var supervision = page.GetByTestId("case").Filter(new() { HasText = team }).GetByTestId("supervision");
            await Assertions.Expect(supervision).ToContainTextAsync("No supervision is recorded on this case.");
            await supervision.GetByText("Record supervision", new() { Exact = true }).ClickAsync();
            var form = supervision.GetByRole(AriaRole.Form, new() { Name = $"Record supervision of the {team} case" });
            var key = $"#supervision-{caseId}";

            // Nothing filled in: each required part is named under its own field.
            await form.GetByRole(AriaRole.Button, new() { Name = "Record the supervision" }).ClickAsync();
            await Assertions.Expect(form.Locator($"{key}-hypothesis-error")).ToHaveTextAsync("'currentHypothesis' is required.");
            await Assertions.Expect(form.Locator($"{key}-alternatives-error")).ToHaveTextAsync("'alternativesConsidered' is required.");
            await Assertions.Expect(form.Locator($"{key}-challenged-error")).ToHaveTextAsync("'hypothesisChallenged' is required.");
            await Assertions.Expect(form.Locator($"{key}-discussion-error")).ToHaveTextAsync("'discussion' is required.");
            await Assertions.Expect(form.Locator($"{key}-registered-error")).ToHaveTextAsync("'socialWorkRegistered' is required.");
            await Assertions.Expect(form.GetByLabel("The working hypothesis")).ToHaveAttributeAsync("aria-invalid", "true");

            await form.GetByLabel("The working hypothesis").FillAsync(Hypothesis);
            await form.GetByLabel("Alternatives considered").FillAsync(Alternatives);
            await form.GetByLabel("Was the hypothesis challenged?").SelectOptionAsync(new SelectOptionValue { Label = "Yes" });
            await form.GetByLabel("What was discussed and decided").FillAsync(Discussion);
            await form.GetByLabel("Are you social-work registered?").SelectOptionAsync(new SelectOptionValue { Label = "Yes" });
            await form.GetByRole(AriaRole.Button, new() { Name = "Record the supervision" }).ClickAsync();
            // REC-06: nobody manages this team, so whoever gives supervision says why.
            await Assertions.Expect(form.Locator($"{key}-reason-error"))
                .ToHaveTextAsync($"You were not the manager of team '{team}' when this supervision took place: say why you gave it.");
            await Assertions.Expect(form.Locator($"{key}-hypothesis-error")).ToHaveCountAsync(0);
            await form.GetByLabel("If you are not the team's manager, why you gave it").FillAsync("The team has no manager until January; I cover it.");
            await form.GetByRole(AriaRole.Button, new() { Name = "Record the supervision" }).ClickAsync();
            await Assertions.Expect(form.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex(@"^Supervision recorded for \w{3} \d+ \w{3} \d{4}, \d{2}:\d{2} (GMT|BST)\.$"));
            await Assertions.Expect(supervision.Locator("summary").First)
                .ToHaveTextAsync(new Regex(@"^Last supervision .* (GMT|BST) by demo-teammanager \(1 entry\)$"));
            await supervision.Locator("summary").First.ClickAsync();
            var entry = supervision.GetByTestId("supervision-entry");
            await Assertions.Expect(entry).ToContainTextAsync($"Working hypothesis: {Hypothesis}");
            await Assertions.Expect(entry).ToContainTextAsync("Given by someone other than the team's manager, because: The team has no manager until January; I cover it.");
            await Assertions.Expect(entry.Locator(".signed")).ToHaveTextAsync(new Regex(@"^Supervisor demo-teammanager \(Team manager, social-work registered\),\s*recorded .* (GMT|BST)$"));
            await browser.ScreenshotAsync("team-manager-case-supervision");
            Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
            Assert.Empty(browser.ConsoleProblems);
        }

        await using (var browser = await chromium.NewSessionAsync(platform))
        {
            var page = browser.Page;
            await browser.SignInAsync("demo-socialworker");
            await page.GotoAsync($"/young-people/{childId}");
            var supervision = page.GetByTestId("case").Filter(new() { HasText = team }).GetByTestId("supervision");
            await supervision.Locator("summary").First.ClickAsync();
            var entry = supervision.GetByTestId("supervision-entry");
            await Assertions.Expect(entry).ToContainTextAsync($"Alternatives considered: {Alternatives}");
            await Assertions.Expect(entry).ToContainTextAsync("Hypothesis challenged: yes");
            await Assertions.Expect(entry).ToContainTextAsync($"Discussed and decided: {Discussion}");
            await Assertions.Expect(supervision.GetByText("Record supervision", new() { Exact = true })).ToHaveCountAsync(0);
            Assert.Empty(browser.ConsoleProblems);
        }
    }

    [Fact]
    public async Task The_dashboard_lists_the_supervision_gaps_the_service_reports_and_not_a_cse_case_opened_today()
    {
        var family = "Webgapsup" + Guid.NewGuid().ToString("N")[..6];
        using var social = platform.Client("SocialWorker", "web-supgap-sw");
        var childId = await Seed.RegisterAsync(social, "Amy", family, new DateOnly(2012, 1, 30));
        using (var opened = await social.PostAsJsonAsync("/api/referrals/cases", new
        {
            youngPersonId = childId, leadTeam = "CSE", allocationCriterion = "RiskHighOrAbove", criteriaVersion = "2026.1",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        }
        // A gap needs a CSE case open for four weeks without supervision, which no API can backdate: the panel must show
        // exactly what the service lists now.
        using var manager = platform.Client("TeamManager", "web-supgap-tm");
        var listed = await manager.GetFromJsonAsync<JsonElement>("/api/referrals/cases/supervision-gaps");

        await using var browser = await chromium.NewSessionAsync(platform);
        var page = browser.Page;
        await browser.SignInAsync("demo-teammanager");
        var panel = page.GetByTestId("cse-cases-without-supervision-longest-first");
        await Assertions.Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "CSE cases without supervision, longest first" })).ToBeVisibleAsync();
        await Assertions.Expect(panel.Locator(".count")).ToHaveTextAsync(listed.GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(panel.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(listed.GetArrayLength());
        foreach (var gap in listed.EnumerateArray())
        {
            await Assertions.Expect(panel.Locator($"a[href='/young-people/{gap.GetProperty("youngPersonId").GetGuid()}']").First).ToBeVisibleAsync();
        }
        await Assertions.Expect(panel.Locator($"a[href='/young-people/{childId}']")).ToHaveCountAsync(0);
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
        Assert.Empty(browser.ConsoleProblems);
    }
}
