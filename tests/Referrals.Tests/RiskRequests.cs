using System.Net;
using System.Net.Http.Json;
using Support.Referrals.Features.RiskAssessments;

namespace Support.Referrals.Tests;

internal static class RiskRequests
{
    public static object Assessment(
        string eventDate = "2026-11-20", string chosenLevel = "Low", string[]? indicators = null, bool sexualActivity = false,
        bool disclosureOfAssault = false, int? missingEpisodes = null, string? rationale = null, string? notes = null) => new
    {
        eventDate,
        indicators = indicators ?? [],
        sexualActivity,
        disclosureOfAssault,
        missingEpisodesInLast90Days = missingEpisodes,
        chosenLevel,
        rationale,
        notes,
    };

    public static Task<HttpResponseMessage> PostAssessmentAsync(this HttpClient client, Guid youngPersonId, object body) =>
        client.PostAsJsonAsync($"/api/referrals/young-people/{youngPersonId}/risk-assessments", body);

    public static async Task<RiskAssessmentResponse> AssessAsync(this HttpClient client, Guid youngPersonId, object body)
    {
        using var response = await client.PostAssessmentAsync(youngPersonId, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RiskAssessmentResponse>(YoungPersonRequests.Json))!;
    }

    public static Task<HttpResponseMessage> CountersignAsync(this HttpClient client, RiskAssessmentResponse assessment) =>
        client.PostAsync($"/api/referrals/young-people/{assessment.YoungPersonId}/risk-assessments/{assessment.Id}/countersign", null);


}
