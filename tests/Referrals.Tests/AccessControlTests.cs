using System.Net;
using System.Net.Http.Json;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Referrals.Tests;

public sealed class AccessControlTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    [Theory]
    [InlineData("GET", "/api/referrals/young-people?name=marsh")]
    [InlineData("GET", "/api/referrals/young-people/00000000-0000-0000-0000-000000000001")]
    [InlineData("GET", "/api/referrals/young-people/00000000-0000-0000-0000-000000000001/access-log")]
    [InlineData("POST", "/api/referrals/young-people")]
    public async Task A_request_without_a_token_gets_401(string method, string path)
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(YoungPersonRequests.Valid()) });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_gets_401()
    {
        using var client = fixture.Host.CreateClient();
        var forged = TestTokens.Create([Roles.TeamManager], "intruder", Convert.ToBase64String(new byte[32]));
        client.DefaultRequestHeaders.Authorization = new("Bearer", forged);

        using var response = await client.GetAsync("/api/referrals/young-people?name=marsh");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_gets_401()
    {
        using var client = fixture.Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create([Roles.SocialWorker], "late", expires: DateTime.UtcNow.AddMinutes(-5)));

        using var response = await client.GetAsync("/api/referrals/young-people?name=marsh");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Commissioner)]
    [InlineData(Roles.Governance)]
    public async Task Aggregate_only_roles_get_403_on_every_identifiable_endpoint(string role)
    {
        using var staff = fixture.Host.ClientFor(Roles.SocialWorker);
        var person = await staff.RegisterAsync();
        using var client = fixture.Host.ClientFor(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/referrals/young-people", YoungPersonRequests.Valid())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/referrals/young-people/{person.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/referrals/young-people?name=Kayleigh")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/referrals/young-people/{person.Id}/access-log")).StatusCode);
    }

    [Fact]
    public async Task Only_managers_and_auditors_may_read_the_access_log()
    {
        using var staff = fixture.Host.ClientFor(Roles.SocialWorker);
        var person = await staff.RegisterAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/referrals/young-people/{person.Id}/access-log")).StatusCode);
        using var manager = fixture.Host.ClientFor(Roles.TeamManager);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/referrals/young-people/{person.Id}/access-log")).StatusCode);
        using var auditor = fixture.Host.ClientFor(Roles.Auditor);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/referrals/young-people/{person.Id}/access-log")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/referrals/young-people/{Guid.NewGuid()}/access-log")).StatusCode);
    }
}
