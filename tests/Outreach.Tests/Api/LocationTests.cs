using System.Net;
using System.Net.Http.Json;
using Support.Outreach.Features.Locations;
using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Tests.Api;

/// <summary>OUT-08: places are records in their own right, one per name.</summary>
public sealed class LocationTests(OutreachFixture fixture) : IClassFixture<OutreachFixture>
{
    [Fact]
    public async Task A_place_is_recorded_once_and_a_second_record_of_the_same_name_is_a_conflict()
    {
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-places");

        var park = await worker.LocationAsync("Herringthorpe Playing Fields");
        using var again = await worker.PostAsJsonAsync("/api/outreach/locations", new { name = "herringthorpe playing fields", type = "Park" });
        using var badType = await worker.PostAsJsonAsync("/api/outreach/locations", new { name = "Somewhere", type = "Volcano" });
        using var halfCoordinates = await worker.PostAsJsonAsync("/api/outreach/locations", new { name = "Somewhere", type = "Park", latitude = 53.43m });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(park.Id, (await again.ProblemAsync()).GetProperty("locationId").GetGuid());
        Assert.Contains("type", await badType.ErrorFieldsAsync());
        Assert.Contains("latitude", await halfCoordinates.ErrorFieldsAsync());
        var found = await worker.GetFromJsonAsync<List<LocationResponse>>("/api/outreach/locations?name=herring", OutreachFixture.Json);
        Assert.Equal(park.Id, Assert.Single(found!).Id);
    }
}
