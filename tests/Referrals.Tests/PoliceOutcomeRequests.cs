using System.Net;
using System.Net.Http.Json;
using Support.Referrals.Features.PoliceOutcomes;

namespace Support.Referrals.Tests;

internal static class PoliceOutcomeRequests
{
    /// <summary>A police outcome request; override what a test is about. The default is a "no further action".</summary>
    public static Dictionary<string, object?> Outcome(
        string? outcome = "NoFurtherAction", string? outcomeOn = "2026-11-20", Guid? referralId = null, Guid? caseId = null,
        string? crimeReference = "14/98765/26", string? note = null, Guid? corrects = null, string? correctionReason = null) => new()
    {
        ["outcome"] = outcome,
        ["outcomeOn"] = outcomeOn,
        ["referralId"] = referralId,
        ["caseId"] = caseId,
        ["crimeReference"] = crimeReference,
        ["note"] = note,
        ["corrects"] = corrects,
        ["correctionReason"] = correctionReason,
    };

    public static string PathFor(Guid youngPersonId) => $"/api/referrals/young-people/{youngPersonId}/police-outcomes";

    public static Task<HttpResponseMessage> PostPoliceOutcomeAsync(this HttpClient client, Guid youngPersonId, object? body = null) =>
        client.PostAsJsonAsync(PathFor(youngPersonId), body ?? Outcome());

    public static async Task<RecordedPoliceOutcomeResponse> RecordPoliceOutcomeAsync(this HttpClient client, Guid youngPersonId, object? body = null)
    {
        using var response = await client.PostPoliceOutcomeAsync(youngPersonId, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<RecordedPoliceOutcomeResponse>();
    }

    public static async Task<List<PoliceOutcomeResponse>> PoliceOutcomesAsync(this HttpClient client, Guid youngPersonId) =>
        (await client.GetFromJsonAsync<List<PoliceOutcomeResponse>>(PathFor(youngPersonId), YoungPersonRequests.Json))!;
}
