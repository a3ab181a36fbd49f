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
/// An assessment from the s47 enquiry to the key worker's task (issue 14, REF-17). Imray §4.5: "Many of the cases had no
/// assessment on file at all"; Child H's assessment had no analysis, nobody had talked to her about her feelings, "likely
/// to need counselling" led nowhere, and it "was unsigned". The enquiry opens the assessment; the social worker tries to
/// sign it and is told every missing section, writes them in the browser, records that the school did not reply and
/// invites the outreach worker, who contributes from their own screen; a manager cannot sign off before the author signs,
/// then does; the counselling need is the key worker's task, which they complete. The manager's dashboard shows a
/// looked-after child never assessed, overdue.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AssessmentJourneyTests(Platform platform, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task An_s47_assessment_is_written_contributed_to_signed_and_signed_off_in_the_browser_and_its_need_becomes_the_key_workers_task()
    {
        var family = "Webassess" + Guid.NewGuid().ToString("N")[..6];
        var name = $"Maya {family}";
        var school = $"web-assess-dsl-{family.ToLowerInvariant()}";
        var today = London.Today(TimeProvider.System);
        using var social = platform.Client("SocialWorker", "web-assess-opener");
        using var manager = platform.Client("TeamManager", "web-assess-tm");

        // Her case: the demo social worker is her key worker; the school's safeguarding lead is recorded as involved.
        var childId = await Seed.RegisterAsync(social, "Maya", family, today.AddYears(-14).AddDays(-50));
        Guid caseId;
        using (var opened = await social.PostAsJsonAsync("/api/referrals/cases", new
        {
            youngPersonId = childId, leadTeam = "CSE", allocationCriterion = "RiskHighOrAbove", criteriaVersion = "2026.1",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
            caseId = (await Seed.JsonAsync(opened)).GetProperty("id").GetGuid();
        }
        using (var allocated = await manager.PostAsJsonAsync($"/api/referrals/cases/{caseId}/key-worker", new { keyWorker = "demo-socialworker" }))
        {
            Assert.Equal(HttpStatusCode.OK, allocated.StatusCode);
        }
        using (var involved = await social.PostAsJsonAsync($"/api/referrals/cases/{caseId}/involved-workers", new { worker = school, role = "SchoolSafeguardingLead" }))
        {
            Assert.True(involved.IsSuccessStatusCode, $"adding the involved worker: {involved.StatusCode}");
        }
        // The s47 enquiry: reaching EnquiriesCommenced opens the core assessment.
        Guid pathwayId;
        using (var started = await social.PostAsJsonAsync("/api/referrals/s47-pathways", new { youngPersonId = childId }))
        {
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            pathwayId = (await Seed.JsonAsync(started)).GetProperty("id").GetGuid();
        }
        using (var moved = await social.PostAsJsonAsync($"/api/referrals/s47-pathways/{pathwayId}/transitions", new { toStage = "EnquiriesCommenced" }))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }
        var listed = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/assessments?youngPersonId={childId}");
        var assessmentId = Assert.Single(listed.EnumerateArray()).GetProperty("id").GetGuid();

        // A looked-after child placed 90 days ago and never assessed: overdue on the manager's dashboard.
        var placedSince = today.AddDays(-90);
        var lookedAfterId = await Seed.RegisterAsync(social, "Nia", family, today.AddYears(-15));
        using (var placed = await social.PostAsJsonAsync("/api/referrals/placements", new
        {
            youngPersonId = lookedAfterId, type = "FosterCare", reason = "AssessedNeed", setting = $"Carers {family}", startedOn = Iso(placedSince),
            rationale = "Experienced carers near her school.",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        }

        await using var author = await chromium.NewSessionAsync(platform);
        var page = author.Page;
        await author.SignInAsync("demo-socialworker");
        await page.GotoAsync($"/young-people/{childId}");
        var card = page.GetByTestId("assessments").GetByTestId("assessment");
        await Assertions.Expect(card).ToHaveCountAsync(1);
        await Assertions.Expect(card).ToContainTextAsync("Core assessment (s47 enquiry) · Open");
        await Assertions.Expect(card.GetByTestId("assessment-due")).ToContainTextAsync(new Regex(@"^Due .* (GMT|BST) \(due in \d+ d \d+ h\)$"));
        await card.GetByRole(AriaRole.Link, new() { Name = "Core assessment (s47 enquiry)" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/assessments/{assessmentId}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Core assessment (s47 enquiry)", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();

        // What is missing is said before anyone tries; signing anyway names every gap.
        var missing = page.GetByTestId("missing");
        await Assertions.Expect(missing.Locator("li")).ToHaveCountAsync(5);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign the assessment" }).ClickAsync();
        var refused = page.GetByTestId("sign-refused");
        await Assertions.Expect(refused).ToContainTextAsync("It cannot be signed yet.");
        await Assertions.Expect(refused.Locator("li")).ToHaveCountAsync(5);
        foreach (var gap in new[]
        {
            "The child's account: The assessment has no account of the child's own words and feelings with the date they were seen alone",
            "Impact: The assessment has no short-term and long-term impact", "Analysis: The assessment has no analysis of what happened, why, and the consequences",
            "Needs and plan: The assessment has no needs and plan", "Contributions: Contributions are incomplete (1 invitation(s) with neither a contribution nor a recorded non-reply)",
        })
        {
            await Assertions.Expect(refused.Locator("li").Filter(new() { HasText = gap })).ToHaveCountAsync(1);
        }
        await author.ScreenshotAsync("social-worker-assessment-cannot-sign");
        Assert.Empty(await author.SeriousAccessibilityViolationsAsync());

        // The child's account: the date she was seen alone is required, and the server's message is under that field.
        var account = page.GetByRole(AriaRole.Form, new() { Name = "Write the child's account" });
        await account.GetByLabel("Their account, in their own words").FillAsync("She said the men at the takeaway give her vodka and lifts.");
        await account.GetByLabel("How they feel").FillAsync("Scared of what they will do if she stops going; says nobody listened last time.");
        await account.GetByRole(AriaRole.Button, new() { Name = "Save the child's account" }).ClickAsync();
        await Assertions.Expect(page.Locator("#write-childsaccount-seenAloneOn-error")).ToBeVisibleAsync();
        await Assertions.Expect(account.GetByLabel("Date they were seen alone")).ToHaveAttributeAsync("aria-invalid", "true");
        await account.GetByLabel("Date they were seen alone").FillAsync(Iso(today.AddDays(-3)));
        await account.GetByRole(AriaRole.Button, new() { Name = "Save the child's account" }).ClickAsync();
        await Assertions.Expect(account.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as version 1.");
        var childsAccount = page.GetByTestId("section-ChildsAccount").GetByTestId("section-text");
        await Assertions.Expect(childsAccount).ToContainTextAsync($"Date they were seen alone: {Day(today.AddDays(-3))}");
        await Assertions.Expect(childsAccount).ToContainTextAsync(new Regex(@"Version 1, written by demo-socialworker \(Social worker\) .* (GMT|BST)"));

        var impact = page.GetByRole(AriaRole.Form, new() { Name = "Write impact" });
        await impact.GetByLabel("Short-term impact").FillAsync("Missing school, self-harm since September.");
        await impact.GetByLabel("Long-term impact").FillAsync("Trauma; exploitation entrenched.");
        await impact.GetByRole(AriaRole.Button, new() { Name = "Save impact" }).ClickAsync();
        await Assertions.Expect(impact.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as version 2.");

        var analysis = page.GetByRole(AriaRole.Form, new() { Name = "Write analysis" });
        await analysis.GetByLabel("What happened").FillAsync("Grooming by an organised group over a year.");
        await analysis.GetByLabel("Why it happened").FillAsync("Isolated after a family breakdown; targeted at the bus station.");
        await analysis.GetByLabel("The consequences").FillAsync("Very high risk of continuing sexual exploitation without protective action.");
        await analysis.GetByRole(AriaRole.Button, new() { Name = "Save analysis" }).ClickAsync();
        await Assertions.Expect(analysis.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as version 3.");

        var plan = page.GetByRole(AriaRole.Form, new() { Name = "Write needs and plan" });
        await plan.GetByLabel("The plan").FillAsync("Weekly visits; disruption with police; therapeutic support.");
        await plan.GetByRole(AriaRole.Button, new() { Name = "Add a need" }).ClickAsync();
        var counselling = plan.GetByRole(AriaRole.Group, new() { Name = "Need 1" });
        await counselling.GetByLabel("What is needed").FillAsync("Likely to need counselling");
        await counselling.GetByLabel("Category").FillAsync("Therapy");
        await counselling.GetByLabel("How it will be met").SelectOptionAsync(new SelectOptionValue { Label = "A referral: a task for the key worker" });
        await plan.GetByRole(AriaRole.Button, new() { Name = "Add a need" }).ClickAsync();
        var foster = plan.GetByRole(AriaRole.Group, new() { Name = "Need 2" });
        await foster.GetByLabel("What is needed").FillAsync("Specialist foster placement out of the area");
        await foster.GetByLabel("Category").FillAsync("Accommodation");
        await foster.GetByLabel("How it will be met").SelectOptionAsync(new SelectOptionValue { Label = "Cannot be met now: unmet need" });
        // An unmet need without its reason is refused, the message under that need's field (COM-05).
        await plan.GetByRole(AriaRole.Button, new() { Name = "Save needs and plan" }).ClickAsync();
        await Assertions.Expect(foster.GetByLabel("Why it cannot be met")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(foster.Locator("[data-field='needs[1].unmetNeedReason']")).ToBeVisibleAsync();
        await foster.GetByLabel("Why it cannot be met").SelectOptionAsync(new SelectOptionValue { Label = "No provider" });
        await plan.GetByRole(AriaRole.Button, new() { Name = "Save needs and plan" }).ClickAsync();
        await Assertions.Expect(plan.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as version 4.");
        var needs = page.GetByTestId("section-NeedsAndPlan").GetByTestId("section-text");
        await Assertions.Expect(needs).ToContainTextAsync("Likely to need counselling (Therapy): a referral task for the key worker");
        await Assertions.Expect(needs).ToContainTextAsync("Specialist foster placement out of the area (Accommodation): unmet need, No provider");

        // Only the contributions are missing now: the school never answered, and the outreach worker who knows her is asked.
        await Assertions.Expect(missing.Locator("li")).ToHaveCountAsync(1);
        await Assertions.Expect(missing.Locator("li")).ToContainTextAsync("Contributions: ");
        var schoolInvitation = page.GetByTestId("contributions").GetByTestId("invitation").Filter(new() { HasText = school });
        await Assertions.Expect(schoolInvitation).ToContainTextAsync("Waiting for a reply.");
        var noReply = schoolInvitation.GetByRole(AriaRole.Form, new() { Name = $"Record that {school} did not reply" });
        await noReply.GetByLabel($"How {school} was chased").FillAsync("Emailed on Monday and Wednesday; phoned the school office on Thursday.");
        await noReply.GetByRole(AriaRole.Button, new() { Name = "Record no reply" }).ClickAsync();
        await Assertions.Expect(schoolInvitation).ToContainTextAsync("No reply. How they were chased: Emailed on Monday and Wednesday");

        var invite = page.GetByRole(AriaRole.Form, new() { Name = "Invite another worker to contribute" });
        await invite.GetByLabel("Their user id").FillAsync("demo-outreach");
        await invite.GetByLabel("Their role").SelectOptionAsync(new SelectOptionValue { Label = "Outreach worker" });
        await invite.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();
        await Assertions.Expect(invite.GetByRole(AriaRole.Status)).ToHaveTextAsync("demo-outreach is invited to contribute.");
        var outreachInvitation = page.GetByTestId("contributions").GetByTestId("invitation").Filter(new() { HasText = "demo-outreach" });
        await Assertions.Expect(outreachInvitation).ToContainTextAsync("Waiting for a reply.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign the assessment" }).ClickAsync();
        await Assertions.Expect(refused.Locator("li")).ToHaveCountAsync(1);
        await Assertions.Expect(refused.Locator("li")).ToContainTextAsync("1 invitation(s) with neither a contribution nor a recorded non-reply");

        // The outreach worker, on their phone, finds what they were asked and answers.
        await using (var outreach = await chromium.NewSessionAsync(platform, width: 390, height: 844))
        {
            var phone = outreach.Page;
            await outreach.SignInAsync("demo-outreach");
            await phone.GetByRole(AriaRole.Link, new() { Name = "Asked to contribute" }).ClickAsync();
            var asked = phone.GetByTestId("invitation").Filter(new() { HasText = name });
            await Assertions.Expect(asked).ToContainTextAsync(new Regex(@"Invited by demo-socialworker .* (GMT|BST)"));
            await asked.GetByLabel("Your contribution").FillAsync("She trusts us; she told us about the flat above the takeaway and the taxi firm.");
            await outreach.ScreenshotAsync("outreach-worker-asked-to-contribute-phone");
            Assert.Empty(await outreach.SeriousAccessibilityViolationsAsync());
            await asked.GetByRole(AriaRole.Button, new() { Name = "Send the contribution" }).ClickAsync();
            await Assertions.Expect(phone.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your contribution" }))
                .ToHaveTextAsync($"Your contribution to the assessment of {name} is recorded.");
            await Assertions.Expect(asked).ToHaveCountAsync(0);
            Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the page scrolls sideways at 390 px");
            Assert.Empty(outreach.ConsoleProblems);
        }

        // A manager cannot sign off what its author has not signed: the API's reason is shown.
        await using var teamManager = await chromium.NewSessionAsync(platform);
        var managerPage = teamManager.Page;
        await teamManager.SignInAsync("demo-teammanager");
        await managerPage.GotoAsync($"/assessments/{assessmentId}");
        await managerPage.GetByRole(AriaRole.Button, new() { Name = "Sign off the assessment" }).ClickAsync();
        await Assertions.Expect(managerPage.GetByTestId("signing").GetByRole(AriaRole.Alert))
            .ToContainTextAsync("The author has not signed this assessment: it is signed before a manager signs it off");

        // The author sees the contribution, nothing missing, and signs.
        await page.ReloadAsync();
        await Assertions.Expect(outreachInvitation.Locator("blockquote")).ToHaveTextAsync("She trusts us; she told us about the flat above the takeaway and the taxi firm.");
        await Assertions.Expect(missing).ToHaveTextAsync("Nothing is missing: every section is written and every invited worker has answered.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign the assessment" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("signing").GetByRole(AriaRole.Status)).ToHaveTextAsync("Signed at version 6.");
        await Assertions.Expect(page.GetByTestId("assessment-status")).ToHaveTextAsync("Signed by its author, waiting for a manager's sign-off");
        await Assertions.Expect(page.GetByTestId("signatures")).ToContainTextAsync(new Regex(@"version 6 by demo-socialworker \(Social worker\), .* (GMT|BST)"));
        await author.ScreenshotAsync("social-worker-assessment-signed");
        Assert.Empty(await author.SeriousAccessibilityViolationsAsync());

        // The manager signs off: complete, and the counselling need is now the key worker's task.
        await managerPage.GetByRole(AriaRole.Button, new() { Name = "Sign off the assessment" }).ClickAsync();
        await Assertions.Expect(managerPage.GetByTestId("assessment-status"))
            .ToContainTextAsync(new Regex(@"^Completed · signed by demo-socialworker, signed off by demo-teammanager \(Team manager\) .* (GMT|BST)$"));
        var task = managerPage.GetByTestId("assessment-need-tasks").GetByTestId("need-task");
        await Assertions.Expect(task).ToHaveCountAsync(1);
        await Assertions.Expect(task).ToContainTextAsync("Likely to need counselling (Therapy)");
        await Assertions.Expect(task).ToContainTextAsync("Key worker: demo-socialworker");
        await Assertions.Expect(managerPage.GetByRole(AriaRole.Button, new() { Name = "Sign off the assessment" })).ToHaveCountAsync(0);
        await teamManager.ScreenshotAsync("team-manager-assessment-signed-off");
        Assert.Empty(await teamManager.SeriousAccessibilityViolationsAsync());

        // The dashboard: the child placed 90 days ago with no assessment is overdue for one.
        await managerPage.GetByRole(AriaRole.Link, new() { Name = "Overdue and due today" }).ClickAsync();
        var renewal = managerPage.GetByTestId("looked-after-assessments-due-within-30-days").GetByRole(AriaRole.Listitem)
            .Filter(new() { Has = managerPage.Locator($"a[href='/young-people/{lookedAfterId}']") });
        await Assertions.Expect(renewal).ToContainTextAsync($"Never assessed, placed since {Day(placedSince)}");
        await Assertions.Expect(renewal).ToContainTextAsync(new Regex(@"Overdue Due .* \(overdue by \d+ days?\)"));
        await Assertions.Expect(renewal.Locator(".deadline.late")).ToHaveCountAsync(1);
        await Assertions.Expect(managerPage.GetByTestId("assessments-overdue").Locator(".count")).ToHaveTextAsync(new Regex(@"^\d+$"));
        await Assertions.Expect(managerPage.GetByTestId("assessments-overdue").Locator($"a[href='/young-people/{childId}']")).ToHaveCountAsync(0);
        Assert.Empty(await teamManager.SeriousAccessibilityViolationsAsync());
        Assert.Empty(teamManager.ConsoleProblems);

        // The key worker's tasks: the referral is made, and the task leaves the open list.
        await page.GetByRole(AriaRole.Link, new() { Name = "My need tasks" }).ClickAsync();
        var mine = page.GetByTestId("need-task").Filter(new() { HasText = name });
        await Assertions.Expect(mine).ToContainTextAsync("Likely to need counselling (Therapy)");
        await Assertions.Expect(mine).ToContainTextAsync(new Regex(@"Due .* (GMT|BST) \(due in \d+ d \d+ h\)"));
        var complete = mine.GetByRole(AriaRole.Form, new() { Name = "Complete the task: Likely to need counselling" });
        await complete.GetByLabel("What happened").SelectOptionAsync(new SelectOptionValue { Label = "The referral was made" });
        await complete.GetByLabel("The referral: what, and to whom").FillAsync("Referred to CAMHS for trauma-focused counselling; accepted.");
        await author.ScreenshotAsync("social-worker-need-tasks");
        Assert.Empty(await author.SeriousAccessibilityViolationsAsync());
        await complete.GetByRole(AriaRole.Button, new() { Name = "Complete the task" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Recorded for “Likely to need counselling”: referral made.");
        await Assertions.Expect(mine).ToHaveCountAsync(0);
        Assert.Empty(author.ConsoleProblems);

        // What the screens showed is what the service stored.
        var stored = await manager.GetFromJsonAsync<JsonElement>($"/api/referrals/assessments/{assessmentId}");
        Assert.Equal("Completed", stored.GetProperty("status").GetString());
        Assert.Equal(("demo-socialworker", "demo-teammanager"), (stored.GetProperty("signedBy").GetString(), stored.GetProperty("signedOffBy").GetString()));
        var storedTask = Assert.Single(stored.GetProperty("needTasks").EnumerateArray());
        Assert.Equal(("ReferralMade", "Referred to CAMHS for trauma-focused counselling; accepted."),
            (storedTask.GetProperty("outcome").GetString(), storedTask.GetProperty("detail").GetString()));
        var contributed = stored.GetProperty("invitations").EnumerateArray().Select(i => (i.GetProperty("worker").GetString(), i.GetProperty("reply").GetProperty("contributed").GetBoolean()));
        Assert.Equal([(school, false), ("demo-outreach", true)], contributed);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A London date as the app shows it: "Thu 4 Dec 2026".</summary>
    private static string Day(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
}
