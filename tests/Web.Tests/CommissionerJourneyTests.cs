using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Support.EndToEnd.Tests;
using Support.Testing;

namespace Support.Web.Tests;

/// <summary>
/// Journey 5, the commissioner: reports as charts with the figures beside them, each with its definition and
/// suppression, and a CSV of exactly what is shown; no way to a child-level screen, and the APIs answer 403.
/// The Therapy and commissioning reports (issue 13) show with their shares as the service published them.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CommissionerJourneyTests(Platform platform, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task A_commissioner_reads_charts_with_their_suppressed_figures_downloads_the_csv_and_reaches_no_child()
    {
        using var commissioner = platform.Client("Commissioner", "demo-commissioner");
        var outreach = await commissioner.GetFromJsonAsync<JsonElement>("/api/outreach/reports/hotspots");
        var reachReport = await commissioner.GetFromJsonAsync<JsonElement>("/api/outreach/reports/reach");
        using var therapy = await commissioner.GetAsync("/api/therapy/reports/unmet-need");
        // A referral at the front door, so the demand report has this year's figures and its shares to show.
        using (var social = platform.Client("SocialWorker", "web-com-sw"))
        {
            using var referred = await social.PostAsJsonAsync("/api/referrals", new
            {
                youngPerson = new { givenName = "Demand", familyName = $"Web{Guid.NewGuid():N}"[..12], dateOfBirth = "2011-04-02", gender = "Female", localArea = "Maltby" },
                referrerRole = "School", cseType = "OnlineGrooming", adultInvolved = true, riskIndicators = new[] { "SchoolAbsence" },
                sexualActivity = false, disclosureOfAssault = false, occurredAt = DateTimeOffset.UtcNow.AddHours(-2), narrative = "Messages from an adult online.",
            });
            Assert.Equal(HttpStatusCode.Created, referred.StatusCode);
        }
        var demandJson = await Eventually.GetAsync(async () =>
        {
            var report = await commissioner.GetFromJsonAsync<JsonElement>("/api/therapy/reports/referral-demand");
            return report.GetProperty("noData").ValueKind == JsonValueKind.Null ? report.GetRawText() : null;
        }, TimeSpan.FromSeconds(30), "the referral to reach the demand report");
        var demand = JsonDocument.Parse(demandJson).RootElement;

        await using var browser = await chromium.NewSessionAsync(platform);
        var page = browser.Page;
        // Alerts are raised while the suites run, so the page is compared with the counts it was itself sent, not with an
        // earlier read (which once had one kind fewer).
        var alertsSent = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/leavingcare/reports/alerts", StringComparison.Ordinal));
        var indicatorsSent = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/therapy/reports/indicators", StringComparison.Ordinal));
        await browser.SignInAsync("demo-commissioner");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/reports$"));
        var leavingCare = JsonDocument.Parse(await (await alertsSent).TextAsync()).RootElement;
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reports", Level = 1 })).ToBeVisibleAsync();

        // Outreach: one bar and one row per month, each figure as the service published it ("c" where suppressed).
        var contacts = page.GetByTestId("outreach-contacts");
        await Assertions.Expect(contacts.Locator("canvas[role=img]")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("^Bar chart: Outreach contacts per month"));
        var months = outreach.GetProperty("monthTotals").EnumerateArray().ToList();
        var rows = contacts.Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(months.Count);
        var last = months[^1];
        await Assertions.Expect(rows.Last.Locator("th")).ToHaveTextAsync(last.GetProperty("month").GetString()!);
        await Assertions.Expect(rows.Last.Locator("td").First).ToHaveTextAsync(Figure(last.GetProperty("contacts")));
        await Assertions.Expect(contacts.GetByText("Generated")).ToBeVisibleAsync();

        // Leaving care: open alerts by kind, as published.
        var alerts = page.GetByTestId("leaving-care-alerts");
        await Assertions.Expect(alerts.Locator("tbody tr")).ToHaveCountAsync(leavingCare.GetProperty("openAlertsByKind").GetArrayLength());
        await Assertions.Expect(alerts).ToContainTextAsync($"Care leavers on a caseload: {leavingCare.GetProperty("careLeavers").GetProperty("value").GetString()}");

        // Outreach reach (OUT-10): every gender category and "Not recorded" are rows, each figure as published.
        var reach = page.GetByTestId("outreach-reach");
        await Assertions.Expect(reach).ToContainTextAsync("outreach-reach (version 1)");
        var byGender = reachReport.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "byGender");
        var genderRows = reach.GetByRole(AriaRole.Region, new() { Name = "byGender (DistinctYoungPeople): gender by record" }).Locator("tbody tr");
        var published = byGender.GetProperty("body").EnumerateArray().ToList();
        await Assertions.Expect(genderRows).ToHaveCountAsync(published.Count);
        await Assertions.Expect(genderRows.First.Locator("th")).ToHaveTextAsync("Female");
        await Assertions.Expect(genderRows.First.Locator("td").First).ToHaveTextAsync(Figure(published[0].GetProperty("cells")[0]));
        await Assertions.Expect(genderRows.Last.Locator("th")).ToHaveTextAsync("Not recorded");
        await Assertions.Expect(genderRows.Last.Locator("td").Last).ToHaveTextAsync(Figure(published[^1].GetProperty("total")));

        Assert.Equal(HttpStatusCode.OK, therapy.StatusCode);
        await Assertions.Expect(page.GetByTestId("therapy-unmet-need")).ToBeVisibleAsync();
        // COM-03 and COM-12: the triggers for CSE, and demand with CSE's share beside the risk profile, each share as published.
        await Assertions.Expect(page.GetByTestId("therapy-cse-triggers")).ToContainTextAsync("cse-triggers (version 2)");
        var demandView = page.GetByTestId("therapy-referral-demand");
        await Assertions.Expect(demandView).ToContainTextAsync("referral-demand (version 2)");
        // OUT-10: who is referred, by gender and by ethnicity as recorded, drawn like every other table.
        await Assertions.Expect(demandView.GetByText("youngPeopleReferredByGender (DistinctYoungPeople): gender by currentRiskLevel")).ToBeVisibleAsync();
        await Assertions.Expect(demandView.GetByText("youngPeopleReferredByEthnicity (DistinctYoungPeople): ethnicity by currentRiskLevel")).ToBeVisibleAsync();
        Assert.Equal(2, demand.GetProperty("shares").GetArrayLength());
        foreach (var share in demand.GetProperty("shares").EnumerateArray())
        {
            var percent = share.GetProperty("percent");
            var shown = percent.ValueKind == JsonValueKind.Number
                ? percent.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture) + "%"
                : "Not given: " + share.GetProperty("notGivenBecause").GetString();
            var item = demandView.Locator("dl.shares > div").Filter(new() { HasText = share.GetProperty("name").GetString() + ": " });
            await Assertions.Expect(item.Locator("dd")).ToHaveTextAsync(shown);
        }
        // COM-02: the decline rate for the year and the three before, each with its basis, as the page was sent it.
        var indicators = JsonDocument.Parse(await (await indicatorsSent).TextAsync()).RootElement;
        var declineRate = indicators.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "therapy-decline-rate");
        var years = new[] { declineRate.GetProperty("current") }.Concat(declineRate.GetProperty("earlier").EnumerateArray()).ToList();
        var yearRows = page.GetByTestId("indicator-therapy-decline-rate").Locator("tbody tr");
        await Assertions.Expect(yearRows).ToHaveCountAsync(years.Count);
        for (var y = 0; y < years.Count; y++)
        {
            await Assertions.Expect(yearRows.Nth(y).Locator("th")).ToHaveTextAsync(years[y].GetProperty("period").GetString()!);
            // A year with no data shows a dash, not the "c" of a small count.
            var noData = years[y].GetProperty("withheld").GetString()?.StartsWith("no data", StringComparison.Ordinal) == true;
            await Assertions.Expect(yearRows.Nth(y).Locator("td").Nth(1)).ToHaveTextAsync(noData ? "—" : Figure(years[y].GetProperty("denominator")));
            await Assertions.Expect(yearRows.Nth(y).Locator("td").Nth(4))
                .ToHaveTextAsync(years[y].GetProperty("basis").GetString() == "imported" ? "Imported: " + years[y].GetProperty("source").GetString() : "Platform records");
        }
        await Assertions.Expect(page.GetByTestId("therapy-indicators")).ToContainTextAsync($"therapy-indicators (version {indicators.GetProperty("report").GetProperty("version").GetInt32()})");
        // THR-07: views, counted per offer and moment, with their CSV like every other table.
        await Assertions.Expect(page.GetByTestId("therapy-feedback")).ToContainTextAsync("therapy-feedback (version 3)");
        await browser.ScreenshotAsync("commissioner-reports");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());

        // The CSV is exactly the table: a header, one line per month, the total.
        var download = await page.RunAndWaitForDownloadAsync(() => contacts.GetByRole(AriaRole.Button, new() { Name = "Download CSV" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.Equal(",Contacts,Concerns,Young people", csv[0]);
        Assert.Equal(months.Count + 2, csv.Length);
        Assert.Equal($"{last.GetProperty("month").GetString()},{Figure(last.GetProperty("contacts"))},{Figure(last.GetProperty("concerns"))},{Figure(last.GetProperty("youngPeople"))}", csv[^2]);

        // Nothing leads to a child: no link to a record, the route refuses, and so does the API.
        Assert.Equal(0, await page.Locator("a[href^='/young-people']").CountAsync());
        await page.SetViewportSizeAsync(360, 740);
        // Chart.js redraws its canvases for the new width when their ResizeObserver fires: wait for that, then nothing
        // on the page may be wider than the phone.
        await browser.UntilAsync("document.documentElement.scrollWidth <= 360", "the page to fit 360 px without scrolling sideways", 10)
            .ContinueWith(async t =>
            {
                if (t.IsFaulted)
                {
                    var wide = await page.EvaluateAsync<string>("[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 361 && !e.parentElement?.closest('.table-scroll')).slice(0, 5).map(e => e.tagName + '.' + e.className + ' in ' + (e.closest('[data-testid]')?.getAttribute('data-testid') ?? '-') + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')");
                    throw new Xunit.Sdk.XunitException($"the page scrolls sideways at 360 px: {wide}");
                }
            }).Unwrap();
        await browser.ScreenshotAsync("commissioner-reports-phone");
        await page.GotoAsync("/young-people");
        await Assertions.Expect(page.GetByText("This screen is not available to your role.")).ToBeVisibleAsync();
        using var refused = await commissioner.GetAsync("/api/referrals/young-people?name=Demo");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Empty(browser.ConsoleProblems);
    }

    [Fact]
    public async Task Governance_imports_a_councils_historic_figures_from_a_csv_and_a_bad_row_is_named_with_nothing_stored()
    {
        // An indicator code of this run's own, so the figures found are the ones this test imported.
        var code = $"web-clients-{Guid.NewGuid():N}"[..20];
        const string Header = "indicator,unit,period,value,source,definition";
        await using var browser = await chromium.NewSessionAsync(platform);
        var page = browser.Page;
        await browser.SignInAsAsync("web-governance", "Governance");
        await page.GotoAsync("/reports");
        var import = page.GetByTestId("historic-import");
        var file = import.GetByLabel("CSV file of figures");

        async Task SendAsync(string csv)
        {
            await file.SetInputFilesAsync(new FilePayload { Name = "figures.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
            await import.GetByRole(AriaRole.Button, new() { Name = "Import figures" }).ClickAsync();
        }

        // The second row's value is not a number: the server names row 3 and its column, and stores neither row.
        await SendAsync($"{Header}\n{code},CseClients,2010-11,48,LSCB annual report,Children worked with because of CSE\n{code},CseClients,2011-12,5x,LSCB annual report,Children worked with because of CSE\n");
        await Assertions.Expect(import.GetByRole(AriaRole.List, new() { Name = "Rows to correct" })).ToContainTextAsync("Row 3, column 'value'");
        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
        using var governance = platform.Client("Governance", "web-governance-reader");
        var before = await governance.GetFromJsonAsync<JsonElement>("/api/therapy/reports/indicators");
        Assert.DoesNotContain(before.GetProperty("historic").EnumerateArray(), h => h.GetProperty("indicator").GetString() == code);

        await SendAsync($"{Header}\n{code},CseClients,2010-11,48,LSCB annual report,Children worked with because of CSE\n{code},CseClients,2011-12,59,LSCB annual report,Children worked with because of CSE\n");
        await Assertions.Expect(import.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported 2 figures, as web-governance");
        // The indicators report is read again and shows the series as imported, latest year first.
        var series = page.GetByRole(AriaRole.Region, new() { Name = $"{code} (CseClients): figures a council imported" });
        await Assertions.Expect(series.Locator("tbody tr").First.Locator("th")).ToHaveTextAsync("2011-12");
        await Assertions.Expect(series.Locator("tbody tr").First.Locator("td").First).ToHaveTextAsync("59");
        await Assertions.Expect(series.Locator("tbody tr").Last.Locator("td").Nth(1)).ToHaveTextAsync("LSCB annual report");

        // The same year again without a reason is refused (409) with the way to restate it.
        await SendAsync($"{Header}\n{code},CseClients,2011-12,61,LSCB annual report,Children worked with because of CSE\n");
        await Assertions.Expect(import.GetByRole(AriaRole.List, new() { Name = "Rows to correct" })).ToContainTextAsync("send the file again with a 'reason'");
        Assert.Empty(browser.ConsoleProblems);
    }

    private static string Figure(JsonElement count) => count.ValueKind == JsonValueKind.Number ? count.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : count.GetString()!;
}
