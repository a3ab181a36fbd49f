using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Support.Referrals.Features.YoungPeople;

namespace Support.Referrals.Tests;

internal static class YoungPersonRequests
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static object Valid(string given = "Kayleigh", string family = "Marsh", string dateOfBirth = "2010-05-14") => new
    {
        givenName = given,
        familyName = family,
        preferredName = "Kay",
        dateOfBirth,
        gender = "Female",
        ethnicity = "White British",
        phoneNumbers = new[] { "07700 900461" },
        localArea = "Eastwood",
    };

    public static async Task<YoungPersonResponse> RegisterAsync(this HttpClient client, object? body = null)
    {
        using var response = await client.PostAsJsonAsync("/api/referrals/young-people", body ?? Valid());
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<YoungPersonResponse>(Json))!;
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<T>(Json))!;

    /// <summary>The field names a validation problem names.</summary>
    public static async Task<IReadOnlyList<string>> ErrorFieldsAsync(this HttpResponseMessage response) =>
        (await response.ProblemAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
