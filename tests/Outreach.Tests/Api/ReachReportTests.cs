using System.Net;
using System.Net.Http.Json;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Reporting;

namespace Support.Outreach.Tests.Api;

/// <summary>OUT-10: who outreach reaches, by gender and ethnicity as recorded, never assumed, "Not recorded" shown.</summary>
public sealed class ReachReportTests(OutreachFixture fixture) : IClassFixture<OutreachFixture>
{
    private const string Period = "/api/outreach/reports/reach?from=2025-10&to=2025-12";

    [Fact]
    public async Task The_reach_report_counts_each_young_person_once_by_recorded_gender_and_ethnicity_and_merges_rare_descriptions_for_all_but_auditors()
    {
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-reach");
        var reached = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            reached.Add(await fixture.KnownYoungPersonAsync($"Reached Girl {i}", gender: "Female", ethnicity: i < 6 ? "White British" : "white british "));
        }
        var boys = new[]
        {
            await fixture.KnownYoungPersonAsync("Reached Boy", gender: "Male", ethnicity: "Pakistani"),
            await fixture.KnownYoungPersonAsync("Reached Boy Two", gender: "Male", ethnicity: null),
        };
        // Registered before the registry carried gender and ethnicity: not recorded here, never guessed.
        var unknown = await fixture.KnownYoungPersonAsync("Reached Earlier");
        var jade = await worker.AliasAsync("Jade", gender: "female", ethnicity: "Roma");
        var sam = await worker.AliasAsync("Sam", gender: null, ethnicity: null);
        var lee = await worker.AliasAsync("Lee", gender: "boy", ethnicity: null);
        // Matched to a registered girl already reached: she is one young person, with the registry's values.
        var kayAlias = await worker.AliasAsync("Kay", gender: "girl", ethnicity: "Irish Traveller");
        using (var matched = await worker.PostAsJsonAsync($"/api/outreach/aliases/{kayAlias.Id}/match", new { youngPersonId = reached[0], reason = "Same young person." }))
        {
            Assert.True(matched.IsSuccessStatusCode, await matched.Content.ReadAsStringAsync());
        }

        foreach (var person in reached.Concat(boys).Append(unknown))
        {
            await worker.LogAsync(OutreachRequests.Contact(youngPersonId: person, contactedAt: "2025-11-14T21:00:00Z"));
            await worker.LogAsync(OutreachRequests.Contact(youngPersonId: person, contactedAt: "2025-12-05T21:00:00Z"));
        }
        await worker.LogAsync(OutreachRequests.Contact(aliasId: jade.Id, contactedAt: "2025-11-14T22:00:00Z"));
        await worker.LogAsync(OutreachRequests.Contact(aliasId: sam.Id, contactedAt: "2025-10-01T20:00:00Z"));
        await worker.LogAsync(OutreachRequests.Contact(aliasId: lee.Id, contactedAt: "2025-12-31T23:00:00Z"));
        await worker.LogAsync(OutreachRequests.Contact(aliasId: kayAlias.Id, contactedAt: "2025-11-20T22:00:00Z"));
        // 23:30 UTC on 30 September is 00:30 on 1 October in London (BST): inside the period.
        var late = await fixture.KnownYoungPersonAsync("Reached At Midnight", gender: "NonBinary", ethnicity: "Mixed");
        await worker.LogAsync(OutreachRequests.Contact(youngPersonId: late, contactedAt: "2025-09-30T23:30:00Z"));
        // Corrected to a date outside the period: counted as its correction says, so not at all.
        var outside = await fixture.KnownYoungPersonAsync("Reached In Error", gender: "Male", ethnicity: "Pakistani");
        var wrong = await worker.LogAsync(OutreachRequests.Contact(youngPersonId: outside, contactedAt: "2025-11-02T21:00:00Z"));
        var correction = OutreachRequests.Contact(contactedAt: "2026-01-02T21:00:00Z");
        correction.Remove("youngPersonId");
        correction.Remove("aliasId");
        correction["correctionReason"] = "Wrong month.";
        using (var corrects = await worker.PostAsJsonAsync($"/api/outreach/contacts/{wrong.Id}/corrections", correction))
        {
            Assert.Equal(HttpStatusCode.Created, corrects.StatusCode);
        }

        using var auditor = fixture.Host.ClientFor(Roles.Auditor, "auditor-reach");
        using var commissioner = fixture.Host.ClientFor(Roles.Commissioner, "commissioner-reach");
        var exact = await ReportAsync(auditor);
        var published = await ReportAsync(commissioner);

        Assert.Equal(("outreach-reach", 1, "DistinctYoungPeople"), (exact.Report.Name, exact.Report.Version, exact.Report.CountingUnit));
        Assert.Equal(("2025-10 to 2025-12", new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31), Disclosure.Exact),
            (exact.Period.Label, exact.Period.From, exact.Period.To, exact.Disclosure));
        var gender = TableReports.Rows(exact, "byGender");
        // Jade's "female" is the Female category written in lower case; Lee's "boy" is a description of its own.
        Assert.Equal(["Female", "Male", "NonBinary", "SelfDescribed", "NotKnown", "PreferNotToSay", "boy", "Not recorded"], gender.Keys);
        Assert.Equal([7, 1], gender["Female"]);
        Assert.Equal([2, 0], gender["Male"]);
        Assert.Equal([1, 0], gender["NonBinary"]);
        Assert.Equal([0, 0], gender["SelfDescribed"]);
        Assert.Equal([0, 1], gender["boy"]);
        Assert.Equal([1, 1], gender["Not recorded"]);
        Assert.Equal(14, TableReports.Table(exact, "byGender").GrandTotal.Value);
        var ethnicity = TableReports.Rows(exact, "byEthnicity");
        Assert.Equal(["Mixed", "Pakistani", "Roma", "White British", "Not recorded"], ethnicity.Keys);
        Assert.Equal([7, 0], ethnicity["White British"]);
        Assert.Equal([1, 0], ethnicity["Pakistani"]);
        Assert.Equal([0, 1], ethnicity["Roma"]);
        Assert.Equal([2, 2], ethnicity["Not recorded"]);
        Assert.Equal(14, TableReports.Table(exact, "byEthnicity").GrandTotal.Value);

        // The same tables as CSV (the shared writer): one line per count, totals included.
        using var csv = await auditor.GetAsync(Period + "&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Equal("report,version,period,disclosure,table,unit,row,column,value", lines[0]);
        Assert.Contains("outreach-reach,1,2025-10 to 2025-12,Exact,byGender,DistinctYoungPeople,Female,Registered,7", lines);
        Assert.Contains("outreach-reach,1,2025-10 to 2025-12,Exact,byEthnicity,DistinctYoungPeople,Not recorded,Alias only,2", lines);

        // Published: the fixed categories and "Not recorded" stay, small counts hide, rare descriptions are merged.
        Assert.Equal(Disclosure.Suppressed, published.Disclosure);
        Assert.Equal(["Female", "Male", "NonBinary", "SelfDescribed", "NotKnown", "PreferNotToSay", DescribedValueTable.OtherDescribed, "Not recorded"],
            TableReports.Rows(published, "byGender").Keys);
        Assert.Null(TableReports.Rows(published, "byGender")["Male"][0]);
        Assert.Equal(["White British", DescribedValueTable.OtherDescribed, "Not recorded"], TableReports.Rows(published, "byEthnicity").Keys);
        // Whatever a published row shows is the true count.
        foreach (var (label, cells) in TableReports.Rows(published, "byGender").Where(r => gender.ContainsKey(r.Key)))
        {
            Assert.All(cells.Zip(gender[label]), pair => Assert.True(pair.First is null || pair.First == pair.Second, label));
        }
        var text = await commissioner.GetStringAsync(Period);
        Assert.All(new[] { "Roma", "Pakistani", "Mixed", "Irish Traveller", "girl", "boy" },
            value => Assert.DoesNotContain($"\"{value}\"", text, StringComparison.OrdinalIgnoreCase));
        Assert.All(reached.Concat(boys).Select(id => id.ToString()).Append(jade.Id.ToString()), id => Assert.DoesNotContain(id, text, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(Roles.Commissioner, HttpStatusCode.OK)]
    [InlineData(Roles.Governance, HttpStatusCode.OK)]
    [InlineData(Roles.PoliceLiaison, HttpStatusCode.OK)]
    [InlineData(Roles.TeamManager, HttpStatusCode.OK)]
    [InlineData(Roles.OutreachWorker, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Therapist, HttpStatusCode.Forbidden)]
    public async Task The_reach_report_is_for_the_readers_of_the_other_outreach_reports(string role, HttpStatusCode expected)
    {
        using var client = fixture.Host.ClientFor(role, $"reach-reader-{role}");

        using var response = await client.GetAsync(Period);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("from=2025-13&to=2025-12", "from")]
    [InlineData("from=2025-01&to=december", "to")]
    [InlineData("from=2026-01&to=2025-12", "from")]
    [InlineData("from=1999-12&to=2000-01", "from")]
    [InlineData("from=2026-01&to=2026-02", "to")]
    public async Task A_bad_period_is_a_400_naming_the_field(string query, string field)
    {
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-reach-periods");

        using var response = await manager.GetAsync($"/api/outreach/reports/reach?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.ErrorFieldsAsync());
    }

    private static Task<TableReport> ReportAsync(HttpClient client) => TableReports.ReportAsync(client, Period);
}
