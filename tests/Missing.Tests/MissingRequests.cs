using System.Net;
using System.Net.Http.Json;
using Support.Missing.Features.Episodes;
using Support.Missing.Features.ReturnInterviews;

namespace Support.Missing.Tests;

/// <summary>Request bodies as a client sends them, and the calls every test needs.</summary>
internal static class MissingRequests
{
    public static Dictionary<string, object?> Report(Guid youngPersonId, DateTimeOffset lastSeenAt, string missingFrom = "Home") => new()
    {
        ["youngPersonId"] = youngPersonId,
        ["missingFrom"] = missingFrom,
        ["lastSeenAt"] = lastSeenAt,
        ["lastSeenLocation"] = "Bus station, Rotherham",
        ["believedWith"] = "Two older men in a silver car",
        ["reportedBy"] = "Mother (by phone)",
        ["policeReference"] = "SYP-2026-0042",
        ["circumstances"] = "Left after school and did not come home.",
        ["placementInformed"] = missingFrom == "Care" ? true : null,
    };

    public static Dictionary<string, object?> Return(DateTimeOffset returnedAt) => new()
    {
        ["returnedAt"] = returnedAt,
        ["whereFound"] = "Takeaway on Wellgate",
        ["foundWith"] = "An adult male known to police",
        ["howReturned"] = "Dropped off by a private-hire taxi, plate RB61 XYZ",
    };

    public static Dictionary<string, object?> Findings(DateTimeOffset conductedAt, string sharingBasis = "SafeguardingOverride",
        bool disclosureMade = true, string disclosure = "She said a man at the flat gave her vodka.") => new()
    {
        ["conductedAt"] = conductedAt,
        ["whereTheyWere"] = "A flat above the takeaway",
        ["locations"] = new[] { "Wellgate", "Eastwood" },
        ["whoWith"] = "Two men she calls 'the brothers'",
        ["pushFactors"] = "Arguments at home",
        ["pullFactors"] = "Free alcohol and lifts",
        ["riskIndicators"] = new[] { "AlcoholOrDrugsSupplied", "DrivenAroundInCars", "OlderBoyfriend" },
        ["disclosureMade"] = disclosureMade,
        ["disclosure"] = disclosureMade ? disclosure : null,
        ["youngPersonsWords"] = "I just want to be left alone.",
        ["informationSharingBasis"] = sharingBasis,
    };

    public static async Task<EpisodeResponse> ReportAsync(this HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/missing/episodes", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<EpisodeResponse>();
    }

    public static async Task<EpisodeResponse> ReturnAsync(this HttpClient client, Guid episodeId, object body)
    {
        using var response = await client.PostAsJsonAsync($"/api/missing/episodes/{episodeId}/return", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<EpisodeResponse>();
    }

    public static async Task<ReturnInterviewResponse> InterviewActionAsync(this HttpClient client, Guid interviewId, string action, object body)
    {
        using var response = await client.PostAsJsonAsync($"/api/missing/return-interviews/{interviewId}/{action}", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<ReturnInterviewResponse>();
    }
}
