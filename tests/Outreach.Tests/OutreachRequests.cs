using System.Net;
using System.Net.Http.Json;
using Support.Outreach.Features.Aliases;
using Support.Outreach.Features.Contacts;
using Support.Outreach.Features.Locations;

namespace Support.Outreach.Tests;

/// <summary>Request bodies as the phone app sends them, and the calls every test needs.</summary>
internal static class OutreachRequests
{
    public const string Notes = "Sat on the bench by the bandstand; said a man called Mo gives her lifts after school.";

    public static Dictionary<string, object?> Contact(Guid? youngPersonId = null, Guid? aliasId = null, object? contactedAt = null,
        Guid? locationId = null, string? place = null, string notes = Notes, string? concern = "High", string channel = "Street") => new()
    {
        ["youngPersonId"] = youngPersonId,
        ["aliasId"] = aliasId,
        ["channel"] = channel,
        ["contactedAt"] = contactedAt,
        ["locationId"] = locationId,
        ["place"] = place,
        ["notes"] = notes,
        ["concern"] = concern,
    };

    public static async Task<ContactResponse> LogAsync(this HttpClient client, object body, string? idempotencyKey = null)
    {
        using var response = await client.PostLogAsync(body, idempotencyKey);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<ContactResponse>();
    }

    public static async Task<HttpResponseMessage> PostLogAsync(this HttpClient client, object body, string? idempotencyKey = null, string path = "/api/outreach/contacts")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return await client.SendAsync(request);
    }

    public static async Task<LocationResponse> LocationAsync(this HttpClient client, string name, string type = "Park")
    {
        using var response = await client.PostAsJsonAsync("/api/outreach/locations", new { name, type, area = "Rotherham" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<LocationResponse>();
    }

    public static async Task<AliasResponse> AliasAsync(this HttpClient client, string name, int? approximateAge = 14, string? area = "Clifton Park group",
        string? gender = "Female", string? ethnicity = null)
    {
        using var response = await client.PostAsJsonAsync("/api/outreach/aliases", new { name, approximateAge, area, gender, ethnicity });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<AliasResponse>();
    }
}
