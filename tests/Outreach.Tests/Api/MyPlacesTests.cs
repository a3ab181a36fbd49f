using System.Net;
using System.Net.Http.Json;
using Support.Outreach.Features.Locations;
using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Tests.Api;

/// <summary>OUT-08 on the street (issue 14, journey 1): a worker's map of the places where they logged contacts.</summary>
public sealed class MyPlacesTests(OutreachFixture fixture) : IClassFixture<OutreachFixture>
{
    private const string Period = "/api/outreach/my/places?from=2025-11&to=2026-01";

    [Fact]
    public async Task A_worker_sees_their_own_places_with_their_own_counts_and_a_correction_counts_where_it_says()
    {
        using var amy = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-places-amy");
        using var ben = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-places-ben");
        var park = await amy.LocationAsync("Clifton Park places", "Park");
        var rank = await amy.LocationAsync("Taxi rank places", "TaxiOrOperator");
        var jaz = await fixture.KnownYoungPersonAsync("Jaz Places");
        var kay = await fixture.KnownYoungPersonAsync("Kay Places");
        var alias = await amy.AliasAsync("Roxy places");

        await amy.LogAsync(OutreachRequests.Contact(youngPersonId: jaz, locationId: park.Id, contactedAt: "2025-12-05T21:00:00Z", concern: "High"));
        await amy.LogAsync(OutreachRequests.Contact(youngPersonId: jaz, locationId: park.Id, contactedAt: "2025-12-12T21:00:00Z", concern: null));
        await amy.LogAsync(OutreachRequests.Contact(aliasId: alias.Id, locationId: park.Id, contactedAt: "2026-01-09T22:15:00Z", concern: null));
        var misplaced = await amy.LogAsync(OutreachRequests.Contact(youngPersonId: kay, locationId: park.Id, contactedAt: "2026-01-16T22:00:00Z", concern: null));
        await amy.LogAsync(OutreachRequests.Contact(youngPersonId: kay, place: "Behind the shops", contactedAt: "2026-01-17T22:00:00Z", concern: null));
        await amy.LogAsync(OutreachRequests.Contact(youngPersonId: kay, locationId: rank.Id, contactedAt: "2025-10-20T22:00:00Z", concern: null));
        await ben.LogAsync(OutreachRequests.Contact(youngPersonId: kay, locationId: park.Id, contactedAt: "2026-01-20T22:00:00Z", concern: null));
        // It was the taxi rank: the correction moves the contact there.
        var correction = OutreachRequests.Contact(locationId: rank.Id, contactedAt: "2026-01-16T22:00:00Z", concern: null);
        correction.Remove("youngPersonId");
        correction.Remove("aliasId");
        correction["correctionReason"] = "Wrong place picked.";
        using (var corrected = await amy.PostAsJsonAsync($"/api/outreach/contacts/{misplaced.Id}/corrections", correction))
        {
            Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        }

        var mine = await (await amy.GetAsync(Period)).ReadAsync<MyPlaces.Response>();
        var theirs = await (await ben.GetAsync(Period)).ReadAsync<MyPlaces.Response>();

        Assert.Equal(("2025-11", "2026-01"), (mine.From, mine.To));
        // Busiest first; the October contact is outside the period and the typed place is not on the map.
        Assert.Equal([park.Id, rank.Id], mine.Places.Select(p => p.LocationId));
        var parkRow = mine.Places[0];
        Assert.Equal((3, 1, 2), (parkRow.Contacts, parkRow.Concerns, parkRow.YoungPeople));
        Assert.Equal(new DateTimeOffset(2026, 1, 9, 22, 15, 0, TimeSpan.Zero), parkRow.LastContact.Utc);
        Assert.Equal((1, 0, 1), (mine.Places[1].Contacts, mine.Places[1].Concerns, mine.Places[1].YoungPeople));
        var bens = Assert.Single(theirs.Places);
        Assert.Equal((park.Id, 1), (bens.LocationId, bens.Contacts));
    }

    [Theory]
    [InlineData(Roles.OutreachWorker, HttpStatusCode.OK)]
    [InlineData(Roles.TeamManager, HttpStatusCode.OK)]
    [InlineData(Roles.SocialWorker, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Commissioner, HttpStatusCode.Forbidden)]
    public async Task The_map_of_my_places_is_for_outreach_staff(string role, HttpStatusCode expected)
    {
        using var client = fixture.Host.ClientFor(role, $"places-{role}");

        using var response = await client.GetAsync(Period);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_bad_period_is_a_400_naming_the_field()
    {
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-places-bad");

        using var response = await worker.GetAsync("/api/outreach/my/places?from=2025-13");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("from", await response.ErrorFieldsAsync());
    }
}
