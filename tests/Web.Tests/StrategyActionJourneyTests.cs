using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Support.EndToEnd.Tests;
using Support.ServiceDefaults.Time;

namespace Support.Web.Tests;

/// <summary>
/// Strategy actions and the staff directory in the browser (issue 14 for REF-11 and COM-10). A social worker who owns
/// two open actions is leaving: the team manager tries to deactivate her on the Staff page and is shown both actions
/// with a link to the young person's record; there the manager defers one (a time not later than the current one is
/// refused under the field; the deferral keeps the agreed date, marks it slipped and turns it amber), hands it to an
/// active colleague, records the other as done, and can then deactivate her, who is listed as deactivated with the
/// reason. A social worker sees the actions but is not offered a reassignment. On the dashboard, an action due later
/// today is deferred to tomorrow from its row and leaves the "due today" list.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class StrategyActionJourneyTests(Platform platform, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task A_manager_cannot_deactivate_a_leaver_until_her_actions_are_deferred_reassigned_or_done_from_the_record_and_then_sees_her_deactivated()
    {
        var family = "Webaction" + Guid.NewGuid().ToString("N")[..6];
        var leaver = $"web-lou-{family.ToLowerInvariant()}";
        var colleague = $"web-tam-{family.ToLowerInvariant()}";
        using var social = platform.Client("SocialWorker", "web-action-sw");
        using (var manager = platform.Client("TeamManager", "web-action-tm"))
        {
            await RegisterStaffAsync(manager, leaver, $"Lou {family}");
        }
        var childId = await Seed.RegisterAsync(social, "Mia", family, new DateOnly(2011, 5, 9));
        var now = DateTimeOffset.UtcNow;
        var schoolDue = Minute(now.AddDays(2));
        var phoneDue = Minute(now.AddDays(3));
        var school = $"Visit Mia at school {family}";
        var phone = $"Ask the police to examine her phone {family}";
        await FinaliseMeetingAsync(social, childId, (school, leaver, schoolDue), (phone, leaver, phoneDue));

        await using (var browser = await chromium.NewSessionAsync(platform))
        {
            var page = browser.Page;
            await browser.SignInAsync("demo-teammanager");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Staff" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Staff", Level = 1 })).ToBeVisibleAsync();

            // Her colleague is registered from the page; without a role the server's message is under that field.
            var register = page.GetByRole(AriaRole.Form, new() { Name = "Register a member of staff" });
            await register.GetByLabel("Their sign-in user id").FillAsync(colleague);
            await register.GetByLabel("Name").FillAsync($"Tam {family}");
            await register.GetByLabel("Organisation").FillAsync("Children's social care");
            await register.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
            await Assertions.Expect(register.Locator("#staff-role-error")).ToHaveTextAsync("'role' is required.");
            await register.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = "Social worker" });
            await register.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
            await Assertions.Expect(register.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Registered Tam {family} ({colleague}).");
            await Assertions.Expect(page.GetByTestId("staff-member").Filter(new() { HasText = colleague }))
                .ToContainTextAsync($"{colleague} · Social worker · Children's social care");

            var lou = page.GetByTestId("staff-member").Filter(new() { HasText = leaver });
            await Assertions.Expect(lou).ToContainTextAsync($"{leaver} · Social worker · Children's social care");
            await lou.GetByText($"Deactivate Lou {family}").ClickAsync();
            var deactivate = lou.GetByRole(AriaRole.Form, new() { Name = $"Deactivate Lou {family}" });
            await deactivate.GetByLabel("Why they are deactivated").FillAsync("Leaves the council on Friday.");
            await deactivate.GetByRole(AriaRole.Button, new() { Name = "Deactivate", Exact = true }).ClickAsync();
            await Assertions.Expect(deactivate.GetByRole(AriaRole.Alert))
                .ToHaveTextAsync($"'{leaver}' still owns 2 open action(s): reassign them before deactivating (COM-10).");
            var open = deactivate.GetByTestId("open-actions").GetByRole(AriaRole.Listitem);
            await Assertions.Expect(open).ToHaveTextAsync([$"Mia {family}: {school}", $"Mia {family}: {phone}"]);
            await browser.ScreenshotAsync("team-manager-staff-deactivation-refused");
            Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

            await open.First.GetByRole(AriaRole.Link, new() { Name = $"Mia {family}" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Mia {family}", Level = 1 })).ToBeVisibleAsync();
            var section = page.GetByTestId("strategy-actions");
            var schoolCard = section.GetByTestId("strategy-action").Filter(new() { HasText = school });
            await Assertions.Expect(schoolCard.GetByTestId("action-owner")).ToHaveTextAsync($"Owner {leaver}");
            await Assertions.Expect(schoolCard).ToContainTextAsync(new Regex(Regex.Escape($"Due {Shown(schoolDue)} (due in ") + @"(1 d 23|2 d 0) h\)"));
            await Assertions.Expect(schoolCard.GetByTestId("rag")).ToHaveTextAsync("RAG Green: on time");

            // Deferring to a time that is not later than the current one is refused, under the field.
            await schoolCard.GetByText("Defer", new() { Exact = true }).ClickAsync();
            var defer = schoolCard.GetByRole(AriaRole.Form, new() { Name = $"Defer the action: {school}" });
            await defer.GetByLabel("New due time").FillAsync(LocalInput(schoolDue.AddHours(-1)));
            await defer.GetByLabel("Why it is deferred").FillAsync("The school is closed for an inset day.");
            await defer.GetByRole(AriaRole.Button, new() { Name = "Defer the action" }).ClickAsync();
            await Assertions.Expect(defer.Locator("[data-field='dueAt']"))
                .ToHaveTextAsync($"'dueAt' must be later than the action's current due time, {Described(schoolDue)}.");
            await Assertions.Expect(defer.GetByLabel("New due time")).ToHaveAttributeAsync("aria-invalid", "true");

            var deferredTo = schoolDue.AddDays(3);
            await defer.GetByLabel("New due time").FillAsync(LocalInput(deferredTo));
            await defer.GetByRole(AriaRole.Button, new() { Name = "Defer the action" }).ClickAsync();
            await Assertions.Expect(section.GetByTestId("action-done")).ToHaveTextAsync(
                $"“{school}” is now due {Shown(deferredTo)}: deferred once, agreed at the meeting for {Shown(schoolDue)}, slipped; RAG Amber: slipped or due within a day.");
            await Assertions.Expect(schoolCard.GetByTestId("slipped")).ToHaveTextAsync($"Slipped: deferred once; agreed at the meeting for {Shown(schoolDue)}");
            await Assertions.Expect(schoolCard.GetByTestId("rag")).ToHaveTextAsync("RAG Amber: slipped or due within a day");
            await Assertions.Expect(schoolCard).ToContainTextAsync($"Due {Shown(deferredTo)}");

            await schoolCard.GetByText("Reassign", new() { Exact = true }).ClickAsync();
            var reassign = schoolCard.GetByRole(AriaRole.Form, new() { Name = $"Reassign the action: {school}" });
            await reassign.GetByLabel("New owner").SelectOptionAsync(new SelectOptionValue { Label = $"Tam {family} ({colleague}), Children's social care" });
            await reassign.GetByLabel("Why it is reassigned").FillAsync("Lou leaves on Friday; Tam knows the school.");
            await reassign.GetByRole(AriaRole.Button, new() { Name = "Reassign the action" }).ClickAsync();
            await Assertions.Expect(section.GetByTestId("action-done")).ToHaveTextAsync($"“{school}” is now owned by {colleague} (agreed with {leaver}).");
            await Assertions.Expect(schoolCard.GetByTestId("action-owner")).ToHaveTextAsync($"Owner {colleague} (agreed with {leaver}; reassigned once)");

            var phoneCard = section.GetByTestId("strategy-action").Filter(new() { HasText = phone });
            await phoneCard.GetByText("Record as done", new() { Exact = true }).ClickAsync();
            var complete = phoneCard.GetByRole(AriaRole.Form, new() { Name = $"Record as done: {phone}" });
            await complete.GetByLabel("What was done (optional)").FillAsync("Phone handed to DC Patel; download booked.");
            await complete.GetByRole(AriaRole.Button, new() { Name = "Record the action as done" }).ClickAsync();
            await Assertions.Expect(section.GetByTestId("action-done")).ToHaveTextAsync($"“{phone}” is recorded as done.");
            var completed = section.GetByTestId("completed-actions");
            await Assertions.Expect(completed.Locator("summary")).ToHaveTextAsync("Completed actions (1)");
            await completed.Locator("summary").ClickAsync();
            await Assertions.Expect(completed.GetByTestId("strategy-action")).ToContainTextAsync(new Regex($"Done by demo-teammanager, .* (GMT|BST)RAG Done$"));
            await browser.ScreenshotAsync("team-manager-strategy-actions-on-the-record");
            Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

            // Nothing is left in her name: she can go, and is listed with the reason once deactivated staff are shown.
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Staff" }).ClickAsync();
            await lou.GetByText($"Deactivate Lou {family}").ClickAsync();
            await deactivate.GetByLabel("Why they are deactivated").FillAsync("Left the council.");
            await deactivate.GetByRole(AriaRole.Button, new() { Name = "Deactivate", Exact = true }).ClickAsync();
            await Assertions.Expect(lou).ToHaveCountAsync(0);
            await page.GetByLabel("Show deactivated staff too").CheckAsync();
            await Assertions.Expect(lou.GetByTestId("deactivated")).ToContainTextAsync(new Regex(@"^Deactivated by demo-teammanager, .* (GMT|BST): Left the council\.$"));
            await Assertions.Expect(page.GetByTestId("staff-member").Filter(new() { HasText = colleague }).GetByTestId("deactivated")).ToHaveCountAsync(0);
            Assert.Empty(browser.ConsoleProblems);
        }

        // A social worker sees the open action and may defer it, but reassigning is a manager's.
        await using (var browser = await chromium.NewSessionAsync(platform))
        {
            var page = browser.Page;
            await browser.SignInAsync("demo-socialworker");
            await page.GotoAsync($"/young-people/{childId}");
            var card = page.GetByTestId("strategy-actions").GetByTestId("strategy-action").Filter(new() { HasText = school });
            await Assertions.Expect(card.GetByText("Defer", new() { Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(card.GetByText("Reassign", new() { Exact = true })).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Staff" })).ToHaveCountAsync(0);
            Assert.Empty(browser.ConsoleProblems);
        }
    }

    [Fact]
    public async Task A_manager_defers_an_action_due_today_from_the_dashboard_and_it_leaves_the_due_today_list()
    {
        var family = "Webdefer" + Guid.NewGuid().ToString("N")[..6];
        var owner = $"web-sam-{family.ToLowerInvariant()}";
        using var social = platform.Client("SocialWorker", "web-defer-sw");
        using (var manager = platform.Client("TeamManager", "web-defer-tm"))
        {
            await RegisterStaffAsync(manager, owner, $"Sam {family}");
        }
        var childId = await Seed.RegisterAsync(social, "Ruby", family, new DateOnly(2012, 2, 19));
        var now = DateTimeOffset.UtcNow;
        // Later today in London whatever the hour: half-way to London midnight, at most 3 hours ahead.
        var untilMidnight = London.DayOf(London.DateOf(now)).To - now;
        var dueAt = Minute(now + TimeSpan.FromTicks(Math.Min(untilMidnight.Ticks / 2, TimeSpan.FromHours(3).Ticks)) + TimeSpan.FromMinutes(1));
        var description = $"Speak to Ruby's mother {family}";
        await FinaliseMeetingAsync(social, childId, (description, owner, dueAt));
        var tomorrow = London.At(London.DateOf(now).AddDays(1), new TimeOnly(10, 0));

        await using var browser = await chromium.NewSessionAsync(platform);
        var page = browser.Page;
        await browser.SignInAsync("demo-teammanager");
        var dueToday = page.GetByTestId("strategy-actions-due-today");
        var row = dueToday.GetByRole(AriaRole.Listitem).Filter(new() { HasText = description });
        await Assertions.Expect(row).ToContainTextAsync($"Action {Shown(dueAt)} (due in ");
        await Assertions.Expect(row.GetByTestId("rag")).ToHaveTextAsync("RAG Amber: slipped or due within a day");
        await row.GetByText("Defer", new() { Exact = true }).ClickAsync();
        var defer = row.GetByRole(AriaRole.Form, new() { Name = $"Defer the action: {description}" });
        await defer.GetByLabel("New due time").FillAsync(LocalInput(tomorrow));
        await defer.GetByLabel("Why it is deferred").FillAsync("Her mother is in hospital today.");
        await defer.GetByRole(AriaRole.Button, new() { Name = "Defer the action" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("action-done")).ToHaveTextAsync(
            $"“{description}” is now due {Shown(tomorrow)}: deferred once, agreed at the meeting for {Shown(dueAt)}, slipped; RAG Amber: slipped or due within a day.");
        await Assertions.Expect(dueToday.GetByText(description)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("strategy-actions-overdue").GetByText(description)).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("team-manager-dashboard-action-deferred");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
        Assert.Empty(browser.ConsoleProblems);
    }

    private static async Task RegisterStaffAsync(HttpClient manager, string userId, string displayName)
    {
        using var staff = await manager.PostAsJsonAsync("/api/referrals/staff",
            new { userId, displayName, role = "SocialWorker", organisation = "Children's social care" });
        Assert.Equal(HttpStatusCode.Created, staff.StatusCode);
    }

    private static async Task FinaliseMeetingAsync(HttpClient social, Guid youngPersonId, params (string Description, string Owner, DateTimeOffset DueAt)[] actions)
    {
        using var drafted = await social.PostAsJsonAsync("/api/referrals/strategy-meetings", new
        {
            youngPersonIds = new[] { youngPersonId }, pathwayIds = Array.Empty<Guid>(), heldAt = DateTimeOffset.UtcNow.AddHours(-1),
            chair = new { name = "Dana Chair", role = "CSE team manager", grade = "TeamManager" },
            attendees = new object[]
            {
                new { name = "Sam Social", role = "Social worker", agency = "Children's social care" },
                new { name = "Pat Police", role = "Detective constable", agency = "South Yorkshire Police" },
            },
            childViews = new[] { new { youngPersonId, inOwnWords = "I just want them to leave me alone." } },
            familyView = "Mother is worried about the older men and the taxis.",
            decisions = new[] { new { text = "Section 47 enquiries to continue jointly with the police." } },
            actions = actions.Select(a => new { description = a.Description, owner = a.Owner, dueAt = a.DueAt }).ToArray(),
            noFurtherAction = false,
        });
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var meetingId = (await Seed.JsonAsync(drafted)).GetProperty("id").GetGuid();
        using var finalised = await social.PostAsync($"/api/referrals/strategy-meetings/{meetingId}/finalise", null);
        Assert.Equal(HttpStatusCode.OK, finalised.StatusCode);
    }

    private static DateTimeOffset Minute(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

    /// <summary>An instant as the app shows it: "Thu 4 Dec 2026, 23:33 GMT".</summary>
    private static string Shown(DateTimeOffset instant) =>
        London.ToLocal(instant).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " " + London.Abbreviation(instant);

    /// <summary>An instant as the service describes it in a message.</summary>
    private static string Described(DateTimeOffset instant) => London.Describe(instant);

    /// <summary>An instant as a datetime-local input holds it in a browser set to UK time.</summary>
    private static string LocalInput(DateTimeOffset instant) =>
        London.ToLocal(instant).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
