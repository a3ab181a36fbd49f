using System.Net;
using System.Net.Http.Json;
using Support.ServiceDefaults.Auth;

namespace Support.Missing.Tests.Api;

/// <summary>Part I: commissioners and governance see aggregates only, so every endpoint here is 403 for them.</summary>
public sealed class AccessControlTests(MissingFixture fixture) : IClassFixture<MissingFixture>
{
    public static TheoryData<string, string> Endpoints(string id) => new()
    {
        { "POST", "/api/missing/episodes" },
        { "GET", $"/api/missing/episodes?youngPersonId={id}" },
        { "GET", $"/api/missing/episodes/{id}" },
        { "POST", $"/api/missing/episodes/{id}/return" },
        { "GET", "/api/missing/return-interviews?overdue=true" },
        { "GET", $"/api/missing/return-interviews/{id}" },
        { "POST", $"/api/missing/return-interviews/{id}/offer" },
        { "POST", $"/api/missing/return-interviews/{id}/complete" },
        { "POST", $"/api/missing/return-interviews/{id}/decline" },
        { "POST", $"/api/missing/return-interviews/{id}/not-completed" },
        { "POST", "/api/missing/abduction-notices" },
        { "GET", $"/api/missing/abduction-notices?youngPersonId={id}" },
        { "GET", "/api/missing/episodes?flagged=true" },
    };

    public static TheoryData<string, string> AllEndpoints => Endpoints("00000000-0000-0000-0000-000000000001");

    [Theory]
    [MemberData(nameof(AllEndpoints))]
    public async Task A_commissioner_gets_403_on_every_endpoint(string method, string path)
    {
        using var client = fixture.Host.ClientFor(Roles.Commissioner);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AllEndpoints))]
    public async Task A_request_without_a_token_gets_401(string method, string path)
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Governance_gets_403_even_with_a_real_episode_and_interview()
    {
        using var staff = fixture.Host.ClientFor(Roles.SocialWorker);
        var episode = await staff.ReportAsync(MissingRequests.Report(await fixture.KnownYoungPersonAsync(), fixture.Now.AddHours(-3)));
        var returned = await staff.ReturnAsync(episode.Id, MissingRequests.Return(fixture.Now));
        using var governance = fixture.Host.ClientFor(Roles.Governance);

        Assert.Equal(HttpStatusCode.Forbidden, (await governance.GetAsync($"/api/missing/episodes/{episode.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await governance.GetAsync($"/api/missing/return-interviews/{returned.ReturnInterview!.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await governance.GetAsync($"/api/missing/episodes?youngPersonId={episode.YoungPersonId}")).StatusCode);
    }
}
