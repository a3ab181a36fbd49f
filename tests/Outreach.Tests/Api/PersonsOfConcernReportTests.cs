using System.Net;
using System.Net.Http.Json;
using Support.Outreach.Features.Information;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Reporting;

namespace Support.Outreach.Tests.Api;

/// <summary>
/// OUT-10 for persons of concern: "stats on ethnicity were taken out of presentations. There was resistance to focusing
/// on who the perpetrators were" (Casey). Information items describe the people they name as the source described them,
/// never inferred; a versioned report counts each person once by that description, "Not recorded" included.
/// </summary>
public sealed class PersonsOfConcernReportTests(OutreachFixture fixture) : IClassFixture<OutreachFixture>
{
    private const string Period = "/api/outreach/reports/persons-of-concern?from=2025-10&to=2025-12";

    private static object Item(string receivedAt, params object[] mentions) => new
    {
        words = "Her friend said the men at the takeaway give them lifts.", sourceKind = "Peer", reportedBy = "A friend of hers",
        hand = "SecondHand", receivedAt, mentions,
    };

    private static async Task<InformationItemResponse> RecordAsync(HttpClient worker, object body)
    {
        using var response = await worker.PostAsJsonAsync("/api/outreach/information-items", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<InformationItemResponse>();
    }

    [Fact]
    public async Task Each_person_named_is_counted_once_by_the_latest_description_received_and_never_named_in_the_report()
    {
        var family = "Poc" + Guid.NewGuid().ToString("N")[..6];
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-poc");
        // Described first without an ethnicity, then again: the later description gives it; the same name in other case is one person.
        var first = await RecordAsync(worker, Item("2025-10-10T20:00:00Z", new { kind = "Person", value = $"Mo {family}", gender = "man", ethnicity = (string?)null }));
        Assert.Equal(("man", (string?)null), (first.Mentions[0].Gender, first.Mentions[0].Ethnicity));
        await RecordAsync(worker, Item("2025-11-10T20:00:00Z", new { kind = "Person", value = $"mo  {family.ToUpperInvariant()}", gender = "Man", ethnicity = "Asian" }));
        // Named in December, never described: not recorded, never guessed.
        await RecordAsync(worker, Item("2025-12-01T20:00:00Z", new { kind = "Person", value = $"Dean {family}" },
            new { kind = "Nickname", value = $"Shorty{family}", gender = "woman", ethnicity = "White British" },
            new { kind = "Vehicle", value = "RB61 XYZ" }));
        // Received before the period: not counted.
        await RecordAsync(worker, Item("2025-09-10T20:00:00Z", new { kind = "Person", value = $"Early {family}", gender = "man", ethnicity = "Asian" }));

        using var auditor = fixture.Host.ClientFor(Roles.Auditor, "auditor-poc");
        var exact = await ReportAsync(auditor);

        Assert.Equal(("outreach-persons-of-concern", 1, CountingUnits.DistinctPersonsOfConcern), (exact.Report.Name, exact.Report.Version, exact.Report.CountingUnit));
        var gender = TableReports.Rows(exact, "byGender");
        Assert.Equal([1, 0], gender["Man"]);
        Assert.Equal([0, 1], gender["woman"]);
        Assert.Equal([1, 0], gender[DescribedValueTable.NotRecorded]);
        Assert.Equal(3, TableReports.Table(exact, "byGender").GrandTotal.Value);
        var ethnicity = TableReports.Rows(exact, "byEthnicity");
        Assert.Equal([1, 0], ethnicity["Asian"]);
        Assert.Equal([0, 1], ethnicity["White British"]);
        Assert.Equal([1, 0], ethnicity[DescribedValueTable.NotRecorded]);

        // Published to a commissioner: the small counts hide and rare descriptions merge; no name ever appears.
        using var commissioner = fixture.Host.ClientFor(Roles.Commissioner, "commissioner-poc");
        var published = await ReportAsync(commissioner);
        Assert.Equal(Disclosure.Suppressed, published.Disclosure);
        Assert.Equal([DescribedValueTable.OtherDescribed, DescribedValueTable.NotRecorded], TableReports.Rows(published, "byEthnicity").Keys);
        var text = await commissioner.GetStringAsync(Period);
        Assert.DoesNotContain(family, text, StringComparison.OrdinalIgnoreCase);
        using var csv = await auditor.GetAsync(Period + "&format=csv");
        Assert.Contains("outreach-persons-of-concern,1,2025-10 to 2025-12,Exact,byGender,DistinctPersonsOfConcern,Man,Named,1",
            (await csv.Content.ReadAsStringAsync()).Split("\r\n"));
    }

    [Fact]
    public async Task Only_a_person_or_a_nickname_is_described_and_a_description_is_checked_like_any_text()
    {
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-poc-bad");

        using var vehicle = await worker.PostAsJsonAsync("/api/outreach/information-items",
            Item("2025-11-10T20:00:00Z", new { kind = "Vehicle", value = "RB61 XYZ", gender = "man" }));
        using var control = await worker.PostAsJsonAsync("/api/outreach/information-items",
            Item("2025-11-10T20:00:00Z", new { kind = "Person", value = "Mo", ethnicity = "Asian\u0007" }));

        Assert.Equal(HttpStatusCode.BadRequest, vehicle.StatusCode);
        Assert.Contains("mentions[0].gender", await vehicle.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);
        Assert.Contains("mentions[0].ethnicity", await control.ErrorFieldsAsync());
    }

    [Theory]
    [InlineData(Roles.Commissioner, HttpStatusCode.OK)]
    [InlineData(Roles.PoliceLiaison, HttpStatusCode.OK)]
    [InlineData(Roles.OutreachWorker, HttpStatusCode.Forbidden)]
    public async Task The_report_is_for_the_readers_of_the_other_outreach_reports(string role, HttpStatusCode expected)
    {
        using var client = fixture.Host.ClientFor(role, $"poc-reader-{role}");

        using var response = await client.GetAsync(Period);

        Assert.Equal(expected, response.StatusCode);
    }

    private static Task<TableReport> ReportAsync(HttpClient client) => TableReports.ReportAsync(client, Period);
}
