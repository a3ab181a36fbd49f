using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Support.Web.Tests;

/// <summary>Records the facts a journey shows, through the gateway's real APIs (never straight into a database).</summary>
public static class Seed
{
    public static async Task<Guid> RegisterAsync(HttpClient client, string givenName, string familyName, DateOnly dateOfBirth, string localArea = "Maltby", string gender = "Female")
    {
        using var response = await client.PostAsJsonAsync("/api/referrals/young-people", new
        {
            givenName, familyName, dateOfBirth = dateOfBirth.ToString("yyyy-MM-dd"), gender, localArea,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>
    /// Posts until the service knows the young person: its registry projection fills over the bus, and until then it
    /// answers 404 or a 422 naming <c>youngPersonId</c>. Any other answer, or the last one at the deadline, is returned.
    /// </summary>
    public static async Task<HttpResponseMessage> PostOnceKnownAsync(HttpClient client, string path, object body, string because)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await client.PostAsJsonAsync(path, body);
            var unknown = response.StatusCode == HttpStatusCode.NotFound
                || response.StatusCode == HttpStatusCode.UnprocessableEntity
                   && (await response.Content.ReadAsStringAsync()).Contains("\"youngPersonId\"", StringComparison.Ordinal);
            if (!unknown || DateTime.UtcNow > deadline)
            {
                return response;
            }
            response.Dispose();
            await Task.Delay(100);
        }
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
