using System.Net;
using System.Net.Http.Json;
using Support.Outreach.Features.Reports;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Reporting;

namespace Support.Outreach.Tests.Api;

/// <summary>OUT-08: counts per location and London month, never a child's identity, small numbers suppressed.</summary>
public sealed class HotspotReportTests(OutreachFixture fixture) : IClassFixture<OutreachFixture>
{
    private const string Period = "/api/outreach/reports/hotspots?from=2025-05&to=2026-01";

    [Fact]
    public async Task The_hotspot_report_counts_per_place_and_london_month_and_hides_small_numbers_from_all_but_auditors()
    {
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-hotspots");
        var park = await CreateLocationAsync(worker, "Clifton Park", 53.4326m, -1.3499m);
        var interchange = await worker.LocationAsync("Rotherham Interchange", "TransportInterchange");
        var people = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            people.Add(await fixture.KnownYoungPersonAsync($"Young Person {i}"));
        }

        // Clifton Park, January: 12 contacts with 7 young people, 8 of them with a concern recorded.
        for (var i = 0; i < 12; i++)
        {
            await worker.LogAsync(OutreachRequests.Contact(youngPersonId: people[i % 7], locationId: park.Id,
                contactedAt: $"2026-01-{10 + i:00}T20:00:00Z", concern: i < 8 ? "High" : null));
        }
        // Clifton Park, June: 3 contacts with one young person; 23:30 UTC on 31 May is 00:30 on 1 June in London (BST).
        await worker.LogAsync(OutreachRequests.Contact(youngPersonId: people[0], locationId: park.Id, contactedAt: "2025-05-31T23:30:00Z", concern: null));
        await worker.LogAsync(OutreachRequests.Contact(youngPersonId: people[0], locationId: park.Id, contactedAt: "2025-06-12T18:00:00Z", concern: null));
        await worker.LogAsync(OutreachRequests.Contact(youngPersonId: people[0], locationId: park.Id, contactedAt: "2025-06-20T18:00:00Z", concern: null));
        // The Interchange, January: 10 contacts with 6 young people, all with a concern; one corrected, still one contact.
        var corrected = await worker.LogAsync(OutreachRequests.Contact(youngPersonId: people[0], locationId: interchange.Id, contactedAt: "2026-01-05T21:00:00Z"));
        for (var i = 1; i < 10; i++)
        {
            await worker.LogAsync(OutreachRequests.Contact(youngPersonId: people[i % 6], locationId: interchange.Id, contactedAt: $"2026-01-{5 + i:00}T21:00:00Z"));
        }
        var correction = OutreachRequests.Contact(locationId: interchange.Id, contactedAt: "2026-01-05T21:30:00Z");
        correction.Remove("youngPersonId");
        correction.Remove("aliasId");
        correction["correctionReason"] = "Wrong time.";
        using (var corrects = await worker.PostAsJsonAsync($"/api/outreach/contacts/{corrected.Id}/corrections", correction))
        {
            Assert.Equal(HttpStatusCode.Created, corrects.StatusCode);
        }

        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-hotspots");
        using var auditor = fixture.Host.ClientFor(Roles.Auditor, "auditor-hotspots");
        var suppressed = await ReportAsync(manager);
        var exact = await ReportAsync(auditor);

        Assert.Equal(["2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01"], suppressed.Months);
        Assert.Equal(Disclosure.Suppressed, suppressed.Disclosure);
        var parkRow = suppressed.Locations.Single(l => l.LocationId == park.Id);
        Assert.Equal((53.4326m, -1.3499m), (parkRow.Latitude!.Value, parkRow.Longitude!.Value));
        Assert.Equal(0, parkRow.Months.Single(m => m.Month == "2025-05").Contacts.Value);
        var parkJune = parkRow.Months.Single(m => m.Month == "2025-06");
        Assert.True(parkJune.Contacts.IsSuppressed && parkJune.YoungPeople.IsSuppressed);
        Assert.Equal(0, parkJune.Concerns.Value);
        // The June 3 must not come back from the park's total of 15 and January's 12: one of those is hidden too.
        Assert.True(parkRow.Total.Contacts.IsSuppressed || parkRow.Months.Single(m => m.Month == "2026-01").Contacts.IsSuppressed);
        // Whatever is shown is the true count.
        Assert.All(Counts(suppressed).Zip(Counts(exact)), pair => Assert.True(pair.First.IsSuppressed || pair.First == pair.Second));

        var exactPark = exact.Locations.Single(l => l.LocationId == park.Id);
        var exactJanuary = exactPark.Months.Single(m => m.Month == "2026-01");
        Assert.Equal((12, 8, 7), (exactJanuary.Contacts.Value!.Value, exactJanuary.Concerns.Value!.Value, exactJanuary.YoungPeople.Value!.Value));
        var interchangeJanuary = exact.Locations.Single(l => l.LocationId == interchange.Id).Months.Single(m => m.Month == "2026-01");
        Assert.Equal((10, 10, 6), (interchangeJanuary.Contacts.Value!.Value, interchangeJanuary.Concerns.Value!.Value, interchangeJanuary.YoungPeople.Value!.Value));
        Assert.Equal(Disclosure.Exact, exact.Disclosure);
        Assert.Equal((3, 0, 1), (exactPark.Months.Single(m => m.Month == "2025-06").Contacts.Value!.Value,
            exactPark.Months.Single(m => m.Month == "2025-06").Concerns.Value!.Value, exactPark.Months.Single(m => m.Month == "2025-06").YoungPeople.Value!.Value));
        Assert.Equal((15, 7), (exactPark.Total.Contacts.Value!.Value, exactPark.Total.YoungPeople.Value!.Value));
        Assert.Equal((25, 7), (exact.Total.Contacts.Value!.Value, exact.Total.YoungPeople.Value!.Value));

        // Never a child's identity.
        var text = await manager.GetStringAsync(Period);
        Assert.All(people, id => Assert.DoesNotContain(id.ToString(), text, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(Roles.Commissioner, HttpStatusCode.OK)]
    [InlineData(Roles.Governance, HttpStatusCode.OK)]
    [InlineData(Roles.PoliceLiaison, HttpStatusCode.OK)]
    [InlineData(Roles.SeniorManager, HttpStatusCode.OK)]
    [InlineData(Roles.OutreachWorker, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Therapist, HttpStatusCode.Forbidden)]
    public async Task The_hotspot_report_is_for_managers_police_liaison_commissioners_governance_and_auditors(string role, HttpStatusCode expected)
    {
        using var client = fixture.Host.ClientFor(role, $"reader-{role}");

        using var response = await client.GetAsync(Period);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("from=2025-13&to=2026-01", "from")]
    [InlineData("from=2025-01&to=january", "to")]
    [InlineData("from=2026-01&to=2025-12", "from")]
    [InlineData("from=2020-01&to=2026-01", "from")]
    [InlineData("from=2026-01&to=2026-02", "to")]
    public async Task A_bad_period_is_a_400_naming_the_field(string query, string field)
    {
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-periods");

        using var response = await manager.GetAsync($"/api/outreach/reports/hotspots?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.ErrorFieldsAsync());
    }

    private static IEnumerable<ReportCount> Counts(HotspotReport.Response report) =>
        report.Locations.SelectMany(l => l.Months.SelectMany(m => new[] { m.Contacts, m.Concerns, m.YoungPeople })
                .Concat([l.Total.Contacts, l.Total.Concerns, l.Total.YoungPeople]))
            .Concat(report.MonthTotals.SelectMany(m => new[] { m.Contacts, m.Concerns, m.YoungPeople }))
            .Concat([report.Total.Contacts, report.Total.Concerns, report.Total.YoungPeople]);

    private static async Task<HotspotReport.Response> ReportAsync(HttpClient client)
    {
        using var response = await client.GetAsync(Period);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<HotspotReport.Response>();
    }

    private static async Task<Features.Locations.LocationResponse> CreateLocationAsync(HttpClient client, string name, decimal latitude, decimal longitude)
    {
        using var response = await client.PostAsJsonAsync("/api/outreach/locations", new { name, type = "Park", latitude, longitude });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<Features.Locations.LocationResponse>();
    }
}
