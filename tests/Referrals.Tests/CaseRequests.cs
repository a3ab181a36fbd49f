using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Referrals.Data;
using Support.Referrals.Features.Cases;
using Support.Testing;

namespace Support.Referrals.Tests;

internal static class CaseRequests
{
    public static readonly JsonSerializerOptions Json = YoungPersonRequests.Json;

    public static object Open(Guid youngPersonId, string leadTeam = "CSE", string criterion = "RiskHighOrAbove", string version = "2026.1", Guid? referralId = null) =>
        new { youngPersonId, referralId, leadTeam, allocationCriterion = criterion, criteriaVersion = version };

    public static async Task<CaseResponse> OpenCaseAsync(this HttpClient client, Guid youngPersonId, string leadTeam = "CSE")
    {
        using var response = await client.PostAsJsonAsync("/api/referrals/cases", Open(youngPersonId, leadTeam));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CaseResponse>(Json))!;
    }

    /// <summary>A registered young person born long enough before 18 that no birthday item appears at closure.</summary>
    public static async Task<Guid> RegisterChildAsync(this HttpClient client, string dateOfBirth = "2013-03-03") =>
        (await client.RegisterAsync(YoungPersonRequests.Valid(dateOfBirth: dateOfBirth))).Id;

    public static Task<HttpResponseMessage> CloseAsync(this HttpClient client, Guid caseId, params object[] decisions) =>
        client.PostAsJsonAsync($"/api/referrals/cases/{caseId}/close", new
        {
            summary = "Risk reduced; safety plan in place with school and family.",
            rationale = "Review found no current indicators; support continues through outreach.",
            decisions,
        });


    public static HttpClient ClientFor(this ServiceHost<ReferralsDbContext> host, IReadOnlyList<string> roles, string user)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create(roles, user));
        return client;
    }


    public static DateOnly LondonDate(DateTimeOffset at) =>
        Support.ServiceDefaults.Time.London.DateOf(at);
}
