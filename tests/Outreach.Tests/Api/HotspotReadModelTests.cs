using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Outreach.Features.Locations;
using Support.Outreach.Features.Reports;
using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Tests.Api;

/// <summary>
/// OUT-08, issue 11: the hotspot report reads counts kept in the transaction of each write that changes them (and folded
/// by <see cref="HotspotCountUpkeep"/>). They must
/// stay exactly what counting the contacts gives, whatever the writes: every check here compares the whole exact report
/// with <see cref="HotspotDefinition"/> as well as the figures the case is about. The tests share a database, so each
/// keeps to its own year and its totals are its own.
/// </summary>
public sealed class HotspotReadModelTests(OutreachFixture fixture) : IClassFixture<OutreachFixture>
{
    [Fact]
    public async Task A_correction_that_moves_a_contact_to_another_place_counts_it_there_and_no_longer_where_it_was()
    {
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-moves");
        var park = await worker.LocationAsync("Moves park");
        var rank = await worker.LocationAsync("Moves taxi rank", "TaxiOrOperator");
        var amy = await fixture.KnownYoungPersonAsync("Amy Moves");
        var bea = await fixture.KnownYoungPersonAsync("Bea Moves");
        var early = await worker.LogAsync(OutreachRequests.Contact(youngPersonId: amy, locationId: park.Id, contactedAt: "2021-11-05T20:00:00Z"));
        var late = await worker.LogAsync(OutreachRequests.Contact(youngPersonId: amy, locationId: park.Id, contactedAt: "2021-11-20T20:00:00Z"));
        var beas = await worker.LogAsync(OutreachRequests.Contact(youngPersonId: bea, locationId: park.Id, contactedAt: "2021-11-10T20:00:00Z", concern: null));
        Assert.Equal((3, 2), Cell(await ExactAsync("2021-11", "2021-11"), park.Id, "2021-11"));

        await CorrectAsync(worker, late.Id, rank.Id, place: null, "2021-11-20T20:00:00Z");
        var once = await ExactAsync("2021-11", "2021-11");
        Assert.Equal((2, 2), Cell(once, park.Id, "2021-11"));
        Assert.Equal((1, 1), Cell(once, rank.Id, "2021-11"));
        Assert.Equal((3, 2), (once.Total.Contacts.Value!.Value, once.Total.YoungPeople.Value!.Value));

        // Amy's other contact follows: she is no longer counted at the park at all, and twice at the rank is still her.
        await CorrectAsync(worker, early.Id, rank.Id, place: null, "2021-11-05T20:00:00Z");
        var twice = await ExactAsync("2021-11", "2021-11");
        Assert.Equal((1, 1), Cell(twice, park.Id, "2021-11"));
        Assert.Equal((2, 1), Cell(twice, rank.Id, "2021-11"));

        // A place that turns out not to be a location record is not counted: the park leaves the report.
        await CorrectAsync(worker, beas.Id, locationId: null, "Somewhere near the park", "2021-11-10T20:00:00Z");
        var none = await ExactAsync("2021-11", "2021-11");
        Assert.DoesNotContain(none.Locations, l => l.LocationId == park.Id);
        Assert.Equal((2, 1), (none.Total.Contacts.Value!.Value, none.Total.YoungPeople.Value!.Value));
        await AssertEveryWindowAsync("2021-10", "2021-12");
    }

    [Fact]
    public async Task Matching_an_alias_counts_its_contacts_as_the_registered_young_persons_so_the_distinct_count_drops()
    {
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-matches");
        var interchange = await worker.LocationAsync("Matches interchange", "TransportInterchange");
        var takeaway = await worker.LocationAsync("Matches takeaway", "Takeaway");
        var casey = await fixture.KnownYoungPersonAsync("Casey Matches");
        var jade = await worker.AliasAsync("Jade (matches)");
        await worker.LogAsync(OutreachRequests.Contact(youngPersonId: casey, locationId: interchange.Id, contactedAt: "2022-10-03T21:00:00Z"));
        await worker.LogAsync(OutreachRequests.Contact(youngPersonId: casey, locationId: interchange.Id, contactedAt: "2022-11-03T21:00:00Z"));
        await worker.LogAsync(OutreachRequests.Contact(aliasId: jade.Id, locationId: interchange.Id, contactedAt: "2022-10-04T21:00:00Z"));
        await worker.LogAsync(OutreachRequests.Contact(aliasId: jade.Id, locationId: takeaway.Id, contactedAt: "2022-11-04T21:00:00Z"));
        var before = await ExactAsync("2022-10", "2022-11");
        Assert.Equal((2, 2), Cell(before, interchange.Id, "2022-10"));
        Assert.Equal((3, 2), Total(before, interchange.Id));
        Assert.Equal(2, Month(before, "2022-11").YoungPeople.Value);
        Assert.Equal((4, 2), (before.Total.Contacts.Value!.Value, before.Total.YoungPeople.Value!.Value));

        using (var matched = await worker.PostAsJsonAsync($"/api/outreach/aliases/{jade.Id}/match", new { youngPersonId = casey, reason = "Jade is Casey's street name." }))
        {
            Assert.Equal(HttpStatusCode.Created, matched.StatusCode);
        }

        // One young person now: at the interchange in October, and across the two places in November.
        var after = await ExactAsync("2022-10", "2022-11");
        Assert.Equal((2, 1), Cell(after, interchange.Id, "2022-10"));
        Assert.Equal((3, 1), Total(after, interchange.Id));
        Assert.Equal((1, 1), Cell(after, takeaway.Id, "2022-11"));
        Assert.Equal(1, Month(after, "2022-11").YoungPeople.Value);
        Assert.Equal((4, 1), (after.Total.Contacts.Value!.Value, after.Total.YoungPeople.Value!.Value));

        // A contact logged under the alias after the match is Casey's too.
        await worker.LogAsync(OutreachRequests.Contact(aliasId: jade.Id, locationId: takeaway.Id, contactedAt: "2022-10-20T21:00:00Z"));
        var later = await ExactAsync("2022-10", "2022-11");
        Assert.Equal((1, 1), Cell(later, takeaway.Id, "2022-10"));
        Assert.Equal((5, 1), (later.Total.Contacts.Value!.Value, later.Total.YoungPeople.Value!.Value));
        await AssertEveryWindowAsync("2022-09", "2022-12");
    }

    [Fact]
    public async Task A_young_person_seen_at_one_place_in_several_months_counts_once_in_its_total_whichever_months_the_report_covers()
    {
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-months");
        var gates = await worker.LocationAsync("Months school gates", "SchoolGate");
        var alley = await worker.LocationAsync("Months alleyway", "Alleyway");
        var dana = await fixture.KnownYoungPersonAsync("Dana Months");
        var eli = await fixture.KnownYoungPersonAsync("Eli Months");
        var fay = await fixture.KnownYoungPersonAsync("Fay Months");
        // Dana at the gates in September, October and December; Eli in October only; Fay in December, at both places.
        foreach (var at in new[] { "2023-09-12T15:30:00Z", "2023-10-12T15:30:00Z", "2023-12-12T15:30:00Z" })
        {
            await worker.LogAsync(OutreachRequests.Contact(youngPersonId: dana, locationId: gates.Id, contactedAt: at));
        }
        await worker.LogAsync(OutreachRequests.Contact(youngPersonId: eli, locationId: gates.Id, contactedAt: "2023-10-13T15:30:00Z"));
        await worker.LogAsync(OutreachRequests.Contact(youngPersonId: fay, locationId: gates.Id, contactedAt: "2023-12-13T15:30:00Z"));
        await worker.LogAsync(OutreachRequests.Contact(youngPersonId: fay, locationId: alley.Id, contactedAt: "2023-12-13T22:30:00Z"));

        var autumn = await ExactAsync("2023-09", "2023-12");
        Assert.Equal([1, 2, 0, 2], autumn.Locations.Single(l => l.LocationId == gates.Id).Months.Select(m => m.YoungPeople.Value!.Value));
        Assert.Equal((5, 3), Total(autumn, gates.Id));
        Assert.Equal(2, Month(autumn, "2023-12").YoungPeople.Value);
        Assert.Equal(3, autumn.Total.YoungPeople.Value);
        // From November Dana is counted once more, in December, though she was last seen there before the period began.
        var winter = await ExactAsync("2023-11", "2023-12");
        Assert.Equal((2, 2), Total(winter, gates.Id));
        Assert.Equal(2, winter.Total.YoungPeople.Value);
        Assert.Equal((4, 3), Total(await ExactAsync("2023-10", "2023-12"), gates.Id));
        await AssertEveryWindowAsync("2023-08", "2024-01");
    }

    [Fact]
    public async Task Contacts_logged_at_the_same_moment_for_the_same_young_person_are_each_counted()
    {
        using var recorder = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-together");
        var place = await recorder.LocationAsync("Together shopping centre", "ShoppingCentre");
        var gus = await fixture.KnownYoungPersonAsync("Gus Together");
        var hal = await recorder.AliasAsync("Hal (together)");

        // Sixteen phones at once, each with its own connection: the recounts of one young person must take turns.
        var logged = await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
        {
            using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, $"ow-together-{i % 4}");
            using var response = await worker.PostLogAsync(OutreachRequests.Contact(
                youngPersonId: i % 4 == 3 ? null : gus, aliasId: i % 4 == 3 ? hal.Id : null, locationId: place.Id,
                contactedAt: $"2024-{9 + i % 3:00}-{10 + i:00}T19:00:00Z", concern: i % 2 == 0 ? "Medium" : null));
            return response.StatusCode;
        }));

        Assert.All(logged, status => Assert.Equal(HttpStatusCode.Created, status));
        var report = await ExactAsync("2024-09", "2024-11");
        Assert.Equal((16, 2), Total(report, place.Id));
        Assert.Equal(8, report.Locations.Single(l => l.LocationId == place.Id).Total.Concerns.Value);
        await AssertEveryWindowAsync("2024-09", "2024-11");
    }

    [Fact]
    public async Task The_counts_stay_exact_through_any_mix_of_contacts_corrections_and_matches()
    {
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-mix");
        var places = new List<LocationResponse>();
        foreach (var (name, type) in new[] { ("Mix park", "Park"), ("Mix hotel", "HotelOrBnB"), ("Mix town centre", "TownCentre") })
        {
            places.Add(await worker.LocationAsync(name, type));
        }
        var people = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            people.Add(await fixture.KnownYoungPersonAsync($"Mix Person {i}"));
        }
        var aliases = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            aliases.Add((await worker.AliasAsync($"Mix alias {i}")).Id);
        }
        var unmatched = aliases.ToList();
        var random = new Random(2026);
        var contacts = new List<Guid>();
        // Often at the turn of a London month: 23:30 UTC on 30 September 2025 is October there (BST), on 31 October still October (GMT).
        string When() => random.Next(4) == 0
            ? (random.Next(2) == 0 ? "2025-09-30T23:30:00Z" : "2025-10-31T23:30:00Z")
            : new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero).AddHours(random.Next(24 * 150)).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        Guid? Place() => random.Next(6) == 0 ? null : places[random.Next(places.Count)].Id;

        for (var step = 0; step < 60; step++)
        {
            var roll = random.Next(10);
            if (roll < 6 || contacts.Count == 0)
            {
                var byAlias = random.Next(3) == 0;
                var location = Place();
                var logged = await worker.LogAsync(OutreachRequests.Contact(
                    youngPersonId: byAlias ? null : people[random.Next(people.Count)], aliasId: byAlias ? aliases[random.Next(aliases.Count)] : null,
                    locationId: location, place: location is null ? "Behind the parade of shops" : null, contactedAt: When(),
                    concern: random.Next(3) == 0 ? null : "High"));
                contacts.Add(logged.Id);
            }
            else if (roll < 9)
            {
                // Any contact, an original or a correction, and sometimes one already corrected (REC-01 keeps both).
                var location = Place();
                var corrected = await CorrectAsync(worker, contacts[random.Next(contacts.Count)], location, location is null ? "On the bus" : null, When());
                contacts.Add(corrected);
            }
            else if (unmatched.Count > 0)
            {
                var alias = unmatched[random.Next(unmatched.Count)];
                using var matched = await worker.PostAsJsonAsync($"/api/outreach/aliases/{alias}/match",
                    new { youngPersonId = people[random.Next(people.Count)], reason = "Seen together with her registered name." });
                Assert.Equal(HttpStatusCode.Created, matched.StatusCode);
                unmatched.Remove(alias);
            }
        }

        // The writes queued their young people; the background job's catch-up takes the queue (the report would too).
        var upkeep = fixture.Host.Services.GetRequiredService<HotspotCountUpkeep>();
        Assert.True(await upkeep.CatchUpAsync(CancellationToken.None) > 0);
        await using (var db = fixture.CreateDbContext())
        {
            Assert.Empty(await db.HotspotRecountsDue.ToListAsync());
        }
        await AssertEveryWindowAsync("2025-08", "2026-01");

        // Compaction folds each key's change rows into one, and the report reads the same figures from them.
        Assert.True(await RowsPerKeyAsync() > 1, "Contacts at the same places should have left several change rows for a key.");
        Assert.True(await upkeep.CompactAsync(CancellationToken.None) > 0);
        Assert.Equal(1, await RowsPerKeyAsync());
        await AssertEveryWindowAsync("2025-08", "2026-01");
    }

    /// <summary>The most rows any key of the shared counts has, in either table.</summary>
    private async Task<int> RowsPerKeyAsync()
    {
        await using var db = fixture.CreateDbContext();
        var visits = await db.HotspotVisitCounts.GroupBy(c => new { c.Month, c.LocationId, c.PreviousMonth }).Select(g => g.Count()).MaxAsync();
        var months = await db.HotspotYoungPersonMonthCounts.GroupBy(c => new { c.Month, c.PreviousMonth }).Select(g => g.Count()).MaxAsync();
        return Math.Max(visits, months);
    }

    private async Task<HotspotReport.Response> ExactAsync(string from, string to)
    {
        using var auditor = fixture.Host.ClientFor(Roles.Auditor, "auditor-read-model");
        using var response = await auditor.GetAsync($"/api/outreach/reports/hotspots?from={from}&to={to}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<HotspotReport.Response>();
    }

    /// <summary>The whole exact report against the contacts, for every period between the two months.</summary>
    private async Task AssertEveryWindowAsync(string first, string last)
    {
        await using var db = fixture.CreateDbContext();
        foreach (var (from, to) in HotspotDefinition.Windows(first, last))
        {
            await HotspotDefinition.AssertSameAsContactsAsync(await ExactAsync(from, to), db);
        }
    }

    /// <summary>REC-01: a correction is a new contact with the full corrected values; it stays with the same young person or alias.</summary>
    private static async Task<Guid> CorrectAsync(HttpClient worker, Guid contactId, Guid? locationId, string? place, string contactedAt)
    {
        var correction = OutreachRequests.Contact(locationId: locationId, place: place, contactedAt: contactedAt);
        correction.Remove("youngPersonId");
        correction.Remove("aliasId");
        correction["correctionReason"] = "The place or time was recorded wrongly.";
        using var response = await worker.PostAsJsonAsync($"/api/outreach/contacts/{contactId}/corrections", correction);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadAsync<Features.Contacts.ContactResponse>()).Id;
    }

    private static (int Contacts, int YoungPeople) Cell(HotspotReport.Response report, Guid locationId, string month)
    {
        var cell = report.Locations.Single(l => l.LocationId == locationId).Months.Single(m => m.Month == month);
        return (cell.Contacts.Value!.Value, cell.YoungPeople.Value!.Value);
    }

    private static (int Contacts, int YoungPeople) Total(HotspotReport.Response report, Guid locationId)
    {
        var total = report.Locations.Single(l => l.LocationId == locationId).Total;
        return (total.Contacts.Value!.Value, total.YoungPeople.Value!.Value);
    }

    private static HotspotReport.MonthMeasures Month(HotspotReport.Response report, string month) => report.MonthTotals.Single(m => m.Month == month);
}
