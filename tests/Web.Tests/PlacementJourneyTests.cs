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
/// Placing a child from the young person's record (issue 14, REF-26, REF-27). Imray §4.7: Child E, 12, was raped by a
/// young person with a known history of sexually abusive behaviour already resident in the unit she was moved to. A
/// 16-year-old boy lives in a unit with a risk-to-others flag towards children younger than 14; the social worker tries
/// to place a 12-year-old girl there and is told a matching assessment approved by a senior manager is needed first,
/// places her in foster care instead and sees it as her current placement, then adds a man to her must-not-have-contact
/// list and sees him listed.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PlacementJourneyTests(Platform platform, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task A_social_worker_is_stopped_from_placing_a_girl_in_a_unit_where_a_resident_poses_a_matching_risk_then_places_her_in_foster_care_and_lists_who_must_not_have_contact()
    {
        var family = "Webplace" + Guid.NewGuid().ToString("N")[..6];
        var unit = $"Unit {family}";
        var fosterHome = $"Foster home {family}";
        var today = London.Today(TimeProvider.System);
        using var social = platform.Client("SocialWorker", "web-placement-sw");

        // The resident: a 16-year-old boy placed in the unit, with a risk to children younger than 14.
        var residentId = await Seed.RegisterAsync(social, "Kyle", family, today.AddYears(-16).AddDays(-40), gender: "Male");
        using (var placed = await social.PostAsJsonAsync("/api/referrals/placements", new
        {
            youngPersonId = residentId, type = "Residential", reason = "AssessedNeed", setting = unit, startedOn = Iso(today),
            reviewBy = Iso(today.AddDays(60)), rationale = "Needs a staffed unit; no foster carer can manage his behaviour.",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        }
        using (var flagged = await social.PostAsJsonAsync($"/api/referrals/young-people/{residentId}/risk-to-others", new
        {
            description = "Sexually harmful behaviour towards younger children (AIM assessment).", towardsYoungerThan = 14,
        }))
        {
            Assert.Equal(HttpStatusCode.Created, flagged.StatusCode);
        }
        var girlId = await Seed.RegisterAsync(social, "Ellie", family, today.AddYears(-12).AddDays(-100));

        await using (var browser = await chromium.NewSessionAsync(platform))
        {
            var page = browser.Page;
            await browser.SignInAsync("demo-socialworker");
            await page.GotoAsync($"/young-people/{girlId}");
            var section = page.GetByTestId("placements");
            await Assertions.Expect(section.GetByTestId("current-placement")).ToHaveTextAsync("No current placement is recorded.");
            await Assertions.Expect(section.GetByTestId("risk-to-others")).ToContainTextAsync("No risk to others is recorded for this young person.");

            var form = page.GetByRole(AriaRole.Form, new() { Name = "Record a placement" });
            await form.GetByLabel("Type of placement").SelectOptionAsync(new SelectOptionValue { Label = "Residential care" });
            await form.GetByLabel("Reason for the placement").SelectOptionAsync(new SelectOptionValue { Label = "Emergency" });
            await form.GetByLabel("Setting").FillAsync(unit);
            await Assertions.Expect(form.GetByLabel("Started on")).ToHaveValueAsync(Iso(today));
            await form.GetByLabel("Review by").FillAsync(Iso(today.AddDays(30)));
            await form.GetByLabel("Why this placement").FillAsync("Her foster placement broke down last night.");
            await form.GetByRole(AriaRole.Button, new() { Name = "Record the placement" }).ClickAsync();

            // Child E: the unit's resident matches her, and no approved matching assessment covers him.
            var refusal = form.GetByRole(AriaRole.Alert);
            await Assertions.Expect(refusal).ToContainTextAsync("A matching risk assessment approved by a senior manager is needed first");
            await Assertions.Expect(refusal).ToContainTextAsync("1 risk-to-others flag(s) of young people living at this setting now match this child");
            await Assertions.Expect(form.GetByTestId("placement-not-recorded")).ToContainTextAsync("The placement was not recorded.");
            await Assertions.Expect(section.GetByTestId("current-placement")).ToHaveTextAsync("No current placement is recorded.");
            await browser.ScreenshotAsync("social-worker-placement-refused-matching");
            Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

            await form.GetByLabel("Type of placement").SelectOptionAsync(new SelectOptionValue { Label = "Foster care" });
            await form.GetByLabel("Reason for the placement").SelectOptionAsync(new SelectOptionValue { Label = "Protection from harm" });
            await form.GetByLabel("Setting").FillAsync(fosterHome);
            await form.GetByLabel("Review by").FillAsync("");
            await form.GetByLabel("Why this placement").FillAsync("Experienced carers away from the unit; near her school.");
            await form.GetByRole(AriaRole.Button, new() { Name = "Record the placement" }).ClickAsync();
            await Assertions.Expect(form.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Placement recorded: Foster care at {fosterHome}.");
            await Assertions.Expect(form.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
            var current = section.GetByTestId("current-placement");
            await Assertions.Expect(current).ToContainTextAsync($"Foster care at {fosterHome} since {today.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)}");
            await Assertions.Expect(current).ToContainTextAsync("Reason: Protection from harm");
            await Assertions.Expect(current).ToContainTextAsync("No review-by date");

            var barredName = $"Dean {family}";
            const string description = "Man in his 20s, red baseball cap, black Audi; calls himself D";
            var list = section.GetByTestId("must-not-have-contact");
            await Assertions.Expect(list).ToContainTextAsync("Nobody is on the must-not-have-contact list.");
            var add = page.GetByRole(AriaRole.Form, new() { Name = "Add to the must-not-have-contact list" });
            await add.GetByLabel("Name").FillAsync(barredName);
            await add.GetByLabel("How to recognise them").FillAsync(description);
            await add.GetByLabel("Why they must not have contact").FillAsync("Seen collecting her from the unit gates; suspected of exploiting her.");
            await add.GetByRole(AriaRole.Button, new() { Name = "Add to the list" }).ClickAsync();
            await Assertions.Expect(add.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Added {barredName} to the list.");
            var person = list.GetByTestId("barred-person");
            await Assertions.Expect(person).ToContainTextAsync(barredName);
            await Assertions.Expect(person).ToContainTextAsync($"How to recognise them: {description}");

            // Both stay on the record after a reload.
            await page.ReloadAsync();
            await Assertions.Expect(page.GetByTestId("placements").GetByTestId("current-placement")).ToContainTextAsync($"Foster care at {fosterHome}");
            await Assertions.Expect(page.GetByTestId("placements").GetByTestId("barred-person")).ToContainTextAsync(barredName);
            await browser.ScreenshotAsync("social-worker-placement-foster-care");
            Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
            Assert.Empty(browser.ConsoleProblems);
        }

        // What the screen showed is what the service stored.
        var stored = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{girlId}/placements");
        var placements = stored.GetProperty("placements");
        Assert.Equal(1, placements.GetArrayLength());
        Assert.Equal("FosterCare", placements[0].GetProperty("type").GetString());
        Assert.True(placements[0].GetProperty("current").GetBoolean());
    }

    [Fact]
    public async Task A_team_manager_takes_a_wrongly_named_man_off_the_must_not_have_contact_list_with_a_reason_and_he_stays_on_the_record_as_taken_off()
    {
        var family = "Webbarred" + Guid.NewGuid().ToString("N")[..6];
        using var social = platform.Client("SocialWorker", "web-barred-sw");
        var girlId = await Seed.RegisterAsync(social, "Jess", family, London.Today(TimeProvider.System).AddYears(-13));
        var wrongName = $"Lee {family}";
        var rightName = $"Dale {family}";
        foreach (var name in new[] { wrongName, rightName })
        {
            using var added = await social.PostAsJsonAsync($"/api/referrals/young-people/{girlId}/barred-persons",
                new { name, description = "Drives a grey van", reason = "Seen with her at the bus station at night." });
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        await using var browser = await chromium.NewSessionAsync(platform);
        var page = browser.Page;
        await browser.SignInAsync("demo-teammanager");
        await page.GotoAsync($"/young-people/{girlId}");
        var list = page.GetByTestId("must-not-have-contact");
        await Assertions.Expect(list.GetByTestId("barred-person")).ToHaveCountAsync(2);
        await list.GetByText($"Take {wrongName} off the list").ClickAsync();
        var remove = page.GetByRole(AriaRole.Form, new() { Name = $"Take {wrongName} off the list" });
        // The service's refusal under the field: a reason is required.
        await remove.GetByRole(AriaRole.Button, new() { Name = "Take off the list" }).ClickAsync();
        await Assertions.Expect(remove.Locator(".field-error[data-field='reason']")).ToContainTextAsync("reason");
        await remove.GetByLabel("Why they no longer belong on the list").FillAsync("Wrong man: the police identified him as Dale, not Lee.");
        await remove.GetByRole(AriaRole.Button, new() { Name = "Take off the list" }).ClickAsync();
        await Assertions.Expect(list.GetByTestId("barred-person")).ToHaveCountAsync(1);
        await Assertions.Expect(list.GetByTestId("barred-person")).ToContainTextAsync(rightName);

        await list.GetByLabel("Show people taken off the list").CheckAsync();
        var takenOff = list.GetByTestId("removed-barred-person");
        await Assertions.Expect(takenOff).ToContainTextAsync($"{wrongName}: taken off by demo-teammanager");
        await Assertions.Expect(takenOff).ToContainTextAsync("Why: Wrong man: the police identified him as Dale, not Lee.");
        await browser.ScreenshotAsync("team-manager-must-not-have-contact-removal");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
        Assert.Empty(browser.ConsoleProblems);

        // A social worker may add to the list but not take anyone off it: the screen does not offer it.
        await using var socialBrowser = await chromium.NewSessionAsync(platform);
        await socialBrowser.SignInAsync("demo-socialworker");
        await socialBrowser.Page.GotoAsync($"/young-people/{girlId}");
        await Assertions.Expect(socialBrowser.Page.GetByTestId("must-not-have-contact").GetByTestId("barred-person")).ToContainTextAsync(rightName);
        await Assertions.Expect(socialBrowser.Page.GetByText($"Take {rightName} off the list")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_social_worker_records_a_matching_assessment_when_an_admission_is_refused_and_a_senior_manager_approves_it_from_their_queue_so_the_admission_is_recorded()
    {
        var family = "Webmatch" + Guid.NewGuid().ToString("N")[..6];
        var unit = $"Unit {family}";
        var today = London.Today(TimeProvider.System);
        using var social = platform.Client("SocialWorker", "web-matching-sw");

        // Child E again: a 16-year-old resident with a risk to children younger than 14, and a 12-year-old girl to place.
        var residentId = await Seed.RegisterAsync(social, "Kyle", family, today.AddYears(-16).AddDays(-40), gender: "Male");
        using (var placed = await social.PostAsJsonAsync("/api/referrals/placements", new
        {
            youngPersonId = residentId, type = "Residential", reason = "AssessedNeed", setting = unit, startedOn = Iso(today),
            reviewBy = Iso(today.AddDays(60)), rationale = "Needs a staffed unit; no foster carer can manage his behaviour.",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        }
        using (var flagged = await social.PostAsJsonAsync($"/api/referrals/young-people/{residentId}/risk-to-others", new
        {
            description = "Sexually harmful behaviour towards younger children (AIM assessment).", towardsYoungerThan = 14,
        }))
        {
            Assert.Equal(HttpStatusCode.Created, flagged.StatusCode);
        }
        var girlId = await Seed.RegisterAsync(social, "Ellie", family, today.AddYears(-12).AddDays(-100));
        var admission = new
        {
            youngPersonId = girlId, type = "Residential", reason = "Emergency", setting = unit, startedOn = Iso(today),
            reviewBy = Iso(today.AddDays(30)), rationale = "Her foster placement broke down; the unit has a bed and a waking night worker.",
        };

        await using (var browser = await chromium.NewSessionAsync(platform))
        {
            var page = browser.Page;
            await browser.SignInAsync("demo-socialworker");
            await page.GotoAsync($"/young-people/{girlId}");
            var section = page.GetByTestId("placements");
            var form = page.GetByRole(AriaRole.Form, new() { Name = "Record a placement" });
            await form.GetByLabel("Type of placement").SelectOptionAsync(new SelectOptionValue { Label = "Residential care" });
            await form.GetByLabel("Reason for the placement").SelectOptionAsync(new SelectOptionValue { Label = "Emergency" });
            await form.GetByLabel("Setting").FillAsync(unit);
            await form.GetByLabel("Review by").FillAsync(Iso(today.AddDays(30)));
            await form.GetByLabel("Why this placement").FillAsync(admission.rationale);
            await form.GetByRole(AriaRole.Button, new() { Name = "Record the placement" }).ClickAsync();

            // The 409 in the service's words, how many flags match, and the matching assessment offered for the same setting.
            await Assertions.Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("A matching risk assessment approved by a senior manager is needed first");
            await Assertions.Expect(form.GetByTestId("placement-not-recorded")).ToContainTextAsync("(1 flag): record a matching assessment below");
            var offer = page.GetByRole(AriaRole.Form, new() { Name = "Record a matching assessment" });
            await Assertions.Expect(offer.GetByLabel("Setting")).ToHaveValueAsync(unit);
            await offer.GetByLabel("Safety plan").FillAsync("Waking night staff; Kyle never alone with her.");
            await offer.GetByRole(AriaRole.Button, new() { Name = "Record the matching assessment" }).ClickAsync();
            await Assertions.Expect(offer.Locator("#matching-analysis-error")).ToHaveTextAsync("'analysis' is required.");
            await Assertions.Expect(offer.GetByLabel("Analysis of the matching risk")).ToHaveAttributeAsync("aria-invalid", "true");
            await offer.GetByLabel("Analysis of the matching risk").FillAsync("Kyle's risk is to younger girls; Ellie is 12. Separate floors, staffed at night.");
            await offer.GetByRole(AriaRole.Button, new() { Name = "Record the matching assessment" }).ClickAsync();
            await Assertions.Expect(offer.GetByRole(AriaRole.Status)).ToContainTextAsync("Matching assessment recorded (1 flag considered): waiting for a senior manager's decision.");
            await Assertions.Expect(section.GetByTestId("matching-assessments")).ToContainTextAsync($"{unit}: 1 flag(s) considered by demo-socialworker");
            await Assertions.Expect(section.GetByTestId("matching-assessments")).ToContainTextAsync("waiting for a senior manager's decision");
            await browser.ScreenshotAsync("social-worker-matching-assessment-recorded");
            Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

            // Until a senior manager decides, the admission is still refused, now saying the assessment is waiting.
            await form.GetByRole(AriaRole.Button, new() { Name = "Record the placement" }).ClickAsync();
            await Assertions.Expect(form.GetByTestId("placement-not-recorded")).ToContainTextAsync("is waiting for a senior manager's decision");
            await Assertions.Expect(offer).ToHaveCountAsync(0);
            Assert.Empty(browser.ConsoleProblems);
        }

        await using (var browser = await chromium.NewSessionAsync(platform))
        {
            var page = browser.Page;
            // The senior manager lands on the queue: the decision only they can make.
            await browser.SignInAsync("demo-seniormanager");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/matching-assessments$"));
            await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Matching assessments to decide" }))
                .ToBeVisibleAsync();
            var card = page.GetByTestId("matching-assessment").Filter(new() { HasText = unit });
            await Assertions.Expect(card).ToHaveCountAsync(1);
            await Assertions.Expect(card.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync($"Ellie {family} at {unit}");
            await Assertions.Expect(card).ToContainTextAsync("1 risk-to-others flag of residents considered.");
            await Assertions.Expect(card).ToContainTextAsync("Waking night staff; Kyle never alone with her.");
            await Assertions.Expect(card.Locator(".signed")).ToHaveTextAsync(new Regex(@"^Recorded by demo-socialworker .* (GMT|BST)$"));

            // Neither outcome nor reason: both refused under their own control.
            await card.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
            await Assertions.Expect(card.Locator("[data-field=outcome]")).ToHaveTextAsync("'outcome' is required.");
            await Assertions.Expect(card.Locator("[data-field=rationale]")).ToHaveTextAsync("'rationale' is required.");
            await browser.ScreenshotAsync("senior-manager-matching-queue");
            Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

            await card.GetByLabel("Approve").CheckAsync();
            await card.GetByLabel("Why", new() { Exact = true }).FillAsync("The safety plan manages the risk: night staff, separate floors, reviewed weekly.");
            await card.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("matching-decided"))
                .ToHaveTextAsync($"Approved: the matching assessment for Ellie {family} at {unit}. The placement can now be recorded.");
            await Assertions.Expect(card).ToHaveCountAsync(0);

            // The admission refused before is now recorded, on the approved assessment.
            using (var admitted = await social.PostAsJsonAsync("/api/referrals/placements", admission))
            {
                Assert.Equal(HttpStatusCode.Created, admitted.StatusCode);
            }
            await page.GotoAsync($"/young-people/{girlId}");
            var section = page.GetByTestId("placements");
            await Assertions.Expect(section.GetByTestId("current-placement")).ToContainTextAsync($"Residential care at {unit}");
            await Assertions.Expect(section.GetByTestId("admitted-on")).ToHaveTextAsync(new Regex(@"^Admitted on the matching assessment approved by demo-seniormanager, .* (GMT|BST)$"));
            await Assertions.Expect(section.GetByTestId("matching-assessments")).ToContainTextAsync("approved by demo-seniormanager");
            await browser.ScreenshotAsync("senior-manager-admitted-on-approval");
            Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
            Assert.Empty(browser.ConsoleProblems);
        }

        var stored = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{girlId}/placements");
        var assessment = Assert.Single(stored.GetProperty("matchingAssessments").EnumerateArray());
        Assert.Equal("Approved", assessment.GetProperty("decision").GetString());
        Assert.Equal("demo-seniormanager", assessment.GetProperty("decidedBy").GetString());
        var placement = Assert.Single(stored.GetProperty("placements").EnumerateArray());
        Assert.Equal(assessment.GetProperty("id").GetGuid(), placement.GetProperty("matchingAssessmentId").GetGuid());
    }

    [Fact]
    public async Task A_social_worker_records_a_foster_placement_refused_for_shortage_as_unmet_need_and_ends_the_placement_when_the_child_goes_home()
    {
        var family = "Webend" + Guid.NewGuid().ToString("N")[..6];
        var unit = $"Unit {family}";
        var today = London.Today(TimeProvider.System);
        using var social = platform.Client("SocialWorker", "web-ending-sw");
        var girlId = await Seed.RegisterAsync(social, "Mia", family, today.AddYears(-14).AddDays(-20));
        using (var placed = await social.PostAsJsonAsync("/api/referrals/placements", new
        {
            youngPersonId = girlId, type = "Residential", reason = "NoFosterPlacementAvailable", setting = unit, startedOn = Iso(today.AddDays(-10)),
            reviewBy = Iso(today.AddDays(20)), rationale = "No foster carer was free for a 14-year-old that night.",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        }
        const string note = "Placements team: no foster carer for a teenager this month (duty manager, 9 am call).";

        await using (var browser = await chromium.NewSessionAsync(platform))
        {
            var page = browser.Page;
            await browser.SignInAsync("demo-socialworker");
            await page.GotoAsync($"/young-people/{girlId}");
            var section = page.GetByTestId("placements");
            await Assertions.Expect(section.GetByTestId("current-placement")).ToContainTextAsync($"Residential care at {unit}");

            // The foster placement she needs was refused: recorded as unmet need; a missing note is refused under its field.
            await section.Locator("summary", new() { HasText = "Record a placement refused for cost or shortage" }).ClickAsync();
            var refusal = page.GetByRole(AriaRole.Form, new() { Name = "Record a refusal for cost or shortage" });
            await refusal.GetByLabel("The placement they needed").SelectOptionAsync(new SelectOptionValue { Label = "Foster care" });
            await refusal.GetByLabel("Why it was refused").SelectOptionAsync(new SelectOptionValue { Label = "No foster placement was available" });
            await refusal.GetByRole(AriaRole.Button, new() { Name = "Record the refusal" }).ClickAsync();
            await Assertions.Expect(refusal.Locator("#refusal-note-error")).ToHaveTextAsync("'note' is required.");
            await refusal.GetByLabel("What was said, and by whom").FillAsync(note);
            await refusal.GetByRole(AriaRole.Button, new() { Name = "Record the refusal" }).ClickAsync();
            await Assertions.Expect(refusal.GetByRole(AriaRole.Status))
                .ToHaveTextAsync("Recorded as unmet need: Foster care refused (No foster placement was available).");
            await Assertions.Expect(section.GetByTestId("placement-refusals"))
                .ToContainTextAsync($"Foster care refused: No foster placement was available · {note} (recorded by demo-socialworker,");

            // Both shortages are in Referrals' unmet-need register, oldest first (COM-05). A foster carer is found: the
            // social worker records the need met, and a missing "how" is refused under its field.
            var needs = page.GetByTestId("unmet-needs").GetByTestId("unmet-need");
            await Assertions.Expect(needs).ToHaveCountAsync(2);
            await Assertions.Expect(needs.Nth(0)).ToContainTextAsync($"Placement: Not available, unmet since {today.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)}, from a placement for cost or shortage");
            var met = needs.Nth(1).GetByRole(AriaRole.Form, new() { Name = "Record Placement as met" });
            await met.GetByRole(AriaRole.Button, new() { Name = "Record as met" }).ClickAsync();
            await Assertions.Expect(met.Locator($"#met-how-{await NeedIdAsync(social, girlId, 1)}-error")).ToHaveTextAsync("'how' is required.");
            await met.GetByLabel("How it was met").FillAsync("Foster carers in the next borough from Friday.");
            await met.GetByRole(AriaRole.Button, new() { Name = "Record as met" }).ClickAsync();
            await Assertions.Expect(needs.Nth(1)).ToContainTextAsync($"Met on {today.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)}: Foster carers in the next borough from Friday. (recorded by demo-socialworker)");
            await Assertions.Expect(needs.Nth(0).GetByRole(AriaRole.Form)).ToHaveCountAsync(1);

            // She goes home: the placement ends with no next one. A date in the future is refused under its field.
            await section.GetByTestId("current-placement").Locator("summary", new() { HasText = "End this placement" }).ClickAsync();
            var end = page.GetByRole(AriaRole.Form, new() { Name = "End the placement" });
            await Assertions.Expect(end.GetByLabel("Ended on")).ToHaveValueAsync(Iso(today));
            await end.GetByLabel("Ended on").FillAsync(Iso(today.AddDays(1)));
            await end.GetByLabel("Why it ended").SelectOptionAsync(new SelectOptionValue { Label = "The young person's wish" });
            await end.GetByRole(AriaRole.Button, new() { Name = "End the placement" }).ClickAsync();
            await Assertions.Expect(end.Locator("#end-placement-on-error")).ToHaveTextAsync("'endedOn' cannot be in the future.");
            await Assertions.Expect(section.GetByTestId("current-placement")).ToContainTextAsync($"Residential care at {unit}");
            await browser.ScreenshotAsync("social-worker-placement-refusal-and-ending");
            Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

            await end.GetByLabel("Ended on").FillAsync(Iso(today));
            await end.GetByRole(AriaRole.Button, new() { Name = "End the placement" }).ClickAsync();
            await Assertions.Expect(section.GetByTestId("current-placement")).ToHaveTextAsync("No current placement is recorded.");
            var earlier = section.GetByTestId("earlier-placements");
            await earlier.Locator("summary").ClickAsync();
            await Assertions.Expect(earlier).ToContainTextAsync($"Residential care at {unit}, {today.AddDays(-10).ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)} to {today.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)}");
            await Assertions.Expect(earlier).ToContainTextAsync("ended: The young person's wish");
            Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
            Assert.Empty(browser.ConsoleProblems);
        }

        var stored = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{girlId}/placements");
        var placement = Assert.Single(stored.GetProperty("placements").EnumerateArray());
        Assert.False(placement.GetProperty("current").GetBoolean());
        Assert.Equal(Iso(today), placement.GetProperty("endedOn").GetString());
        Assert.Equal("YoungPersonsWish", placement.GetProperty("endReason").GetString());
        var refused = Assert.Single(stored.GetProperty("refusals").EnumerateArray());
        Assert.Equal(("FosterCare", "NoFosterPlacementAvailable"), (refused.GetProperty("requestedType").GetString(), refused.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task A_social_worker_records_a_risk_to_others_flag_and_only_a_team_manager_may_withdraw_it_with_a_reason()
    {
        var family = "Webrisk" + Guid.NewGuid().ToString("N")[..6];
        var today = London.Today(TimeProvider.System);
        using var social = platform.Client("SocialWorker", "web-risk-sw");
        var boyId = await Seed.RegisterAsync(social, "Jordan", family, today.AddYears(-15).AddDays(-3), gender: "Male");
        const string description = "Coerced younger girls at his last unit into meeting older men.";

        await using (var browser = await chromium.NewSessionAsync(platform))
        {
            var page = browser.Page;
            await browser.SignInAsync("demo-socialworker");
            await page.GotoAsync($"/young-people/{boyId}");
            var risk = page.GetByTestId("placements").GetByTestId("risk-to-others");
            await Assertions.Expect(risk).ToContainTextAsync("No risk to others is recorded for this young person.");
            await risk.Locator("summary", new() { HasText = "Record a risk this young person poses to other children" }).ClickAsync();
            var form = page.GetByRole(AriaRole.Form, new() { Name = "Record a risk to others" });
            await form.GetByLabel("The risk they pose").FillAsync(description);
            await form.GetByLabel("Towards children of").SelectOptionAsync(new SelectOptionValue { Label = "Girls" });
            await form.GetByLabel("Towards children younger than").FillAsync("30");
            await form.GetByRole(AriaRole.Button, new() { Name = "Record the risk" }).ClickAsync();
            await Assertions.Expect(form.Locator("#rto-younger-error")).ToHaveTextAsync("'towardsYoungerThan' is an age in years from 1 to 25.");
            await Assertions.Expect(form.GetByLabel("Towards children younger than")).ToHaveAttributeAsync("aria-invalid", "true");
            await form.GetByLabel("Towards children younger than").FillAsync("14");
            await form.GetByRole(AriaRole.Button, new() { Name = "Record the risk" }).ClickAsync();
            await Assertions.Expect(form.GetByRole(AriaRole.Status)).ToHaveTextAsync("Risk to others recorded.");
            var flag = risk.GetByTestId("risk-to-others-flag");
            await Assertions.Expect(flag).ToContainTextAsync($"{description} · towards girls, children younger than 14 (recorded by demo-socialworker,");
            // Withdrawing is for managers (PlacementEndpoints: TeamManagers): a social worker is not offered it.
            await Assertions.Expect(flag.Locator("summary", new() { HasText = "Withdraw this flag" })).ToHaveCountAsync(0);
            Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
            Assert.Empty(browser.ConsoleProblems);
        }

        await using (var browser = await chromium.NewSessionAsync(platform))
        {
            var page = browser.Page;
            await browser.SignInAsync("demo-teammanager");
            await page.GotoAsync($"/young-people/{boyId}");
            var flag = page.GetByTestId("placements").GetByTestId("risk-to-others-flag");
            await Assertions.Expect(flag).ToHaveClassAsync("flag");
            await flag.Locator("summary", new() { HasText = "Withdraw this flag" }).ClickAsync();
            var withdraw = flag.GetByRole(AriaRole.Form, new() { Name = "Withdraw the risk-to-others flag" });
            await withdraw.GetByRole(AriaRole.Button, new() { Name = "Withdraw the flag" }).ClickAsync();
            await Assertions.Expect(withdraw.Locator("[data-field=reason]")).ToHaveTextAsync("'reason' is required.");
            await withdraw.GetByLabel("Why it is withdrawn").FillAsync("Recorded against the wrong Jordan; the incident was his cousin's.");
            await withdraw.GetByRole(AriaRole.Button, new() { Name = "Withdraw the flag" }).ClickAsync();
            await Assertions.Expect(flag).ToContainTextAsync(new Regex(@"· withdrawn by demo-teammanager, .* (GMT|BST): Recorded against the wrong Jordan; the incident was his cousin's\.$"));
            await Assertions.Expect(flag).Not.ToHaveClassAsync("flag");
            await Assertions.Expect(flag.Locator("summary", new() { HasText = "Withdraw this flag" })).ToHaveCountAsync(0);
            await browser.ScreenshotAsync("team-manager-risk-to-others-withdrawn");
            Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
            Assert.Empty(browser.ConsoleProblems);
        }

        var stored = await social.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{boyId}/placements");
        var stayed = Assert.Single(stored.GetProperty("riskToOthers").EnumerateArray());
        Assert.Equal("demo-teammanager", stayed.GetProperty("withdrawnBy").GetString());
        Assert.Equal(14, stayed.GetProperty("towardsYoungerThan").GetInt32());
        Assert.Equal("Female", stayed.GetProperty("towardsGender").GetString());
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The id of the young person's <paramref name="index"/>th unmet need in Referrals' register, oldest first.</summary>
    private static async Task<string> NeedIdAsync(HttpClient client, Guid youngPersonId, int index) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/referrals/young-people/{youngPersonId}/unmet-needs"))[index].GetProperty("id").GetString()!;
}
