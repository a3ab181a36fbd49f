using System.Net.Http.Json;
using Support.Referrals.Features.Chronology;

namespace Support.Referrals.Tests;

internal static class ChronologyRequests
{
    public static string Path(Guid youngPersonId) => $"/api/referrals/young-people/{youngPersonId}/chronology";

    public static async Task<GetChronology.Response> ChronologyAsync(this HttpClient client, Guid youngPersonId, string query = "") =>
        (await client.GetFromJsonAsync<GetChronology.Response>(Path(youngPersonId) + query, YoungPersonRequests.Json))!;

    public static async Task<VerifyChronology.Response> VerifyAsync(this HttpClient client, Guid youngPersonId) =>
        (await client.GetFromJsonAsync<VerifyChronology.Response>(Path(youngPersonId) + "/verify", YoungPersonRequests.Json))!;

    public static async Task<ChronologyEntryResponse> AddNoteAsync(this HttpClient client, Guid youngPersonId, DateTimeOffset occurredAt, string text, Guid? corrects = null)
    {
        using var response = await client.PostAsJsonAsync(Path(youngPersonId), new { occurredAt, text, corrects });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ChronologyEntryResponse>(YoungPersonRequests.Json))!;
    }
}
