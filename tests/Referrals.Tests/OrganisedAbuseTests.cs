using System.Net;
using System.Net.Http.Json;
using Support.Contracts.Referrals;
using Support.Referrals.Domain.OrganisedAbuse;
using Support.Referrals.Features.OrganisedAbuse;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Tests;

/// <summary>REF-13: shared links flag organised or multiple abuse, alert senior managers once, and need a senior chair.</summary>
public sealed class OrganisedAbuseTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private HttpClient Worker() => fixture.Host.ClientFor(Roles.SocialWorker, "sw-links");

    private static async Task<LinksResponse> LinkAsync(HttpClient client, Guid child, string kind, string value)
    {
        using var response = await client.PostAsJsonAsync($"/api/referrals/young-people/{child}/links", new { kind, value });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, response.StatusCode.ToString());
        return await response.ReadAsync<LinksResponse>();
    }

    private static string Unique(string prefix) => prefix + Random.Shared.Next(100, 999);

    [Theory]
    [InlineData(LinkKind.Vehicle, "yx12 abc", "YX12ABC")]
    [InlineData(LinkKind.Vehicle, "Yx-12-Abc", "YX12ABC")]
    [InlineData(LinkKind.Phone, "07700 900461", "07700900461")]
    [InlineData(LinkKind.Phone, "+44 (0)7700-900461", "07700900461")]
    [InlineData(LinkKind.Phone, "+44 7700 900461", "07700900461")]
    [InlineData(LinkKind.Nickname, "  Big   Mo ", "big mo")]
    [InlineData(LinkKind.Address, "Flat 2, 14 Station Rd.", "flat 2 14 station rd")]
    public void Link_values_are_normalised_so_the_same_thing_written_two_ways_matches(LinkKind kind, string written, string normalised) =>
        Assert.Equal(normalised, LinkValues.Normalise(kind, written));

    [Fact]
    public async Task One_child_linked_to_a_vehicle_is_not_flagged_and_a_second_flags_both_and_alerts_once()
    {
        using var worker = Worker();
        var first = await worker.RegisteredChildAsync();
        var second = await worker.RegisteredChildAsync();
        var third = await worker.RegisteredChildAsync();
        var plate = Unique("YX12 A");

        var alone = await LinkAsync(worker, first, "Vehicle", plate.ToLowerInvariant());
        Assert.Empty(alone.Flags);
        Assert.Empty(await fixture.OutboxAsync<OrganisedAbuseSuspected>(m => m.YoungPersonIds.Contains(first)));

        var shared = await LinkAsync(worker, second, "Vehicle", plate.Replace(" ", "  ", StringComparison.Ordinal));

        Assert.Equal([OrganisedAbuseEndpoints.Flag], shared.Flags);
        var firstNow = await (await worker.GetAsync($"/api/referrals/young-people/{first}/links")).ReadAsync<LinksResponse>();
        Assert.Equal([OrganisedAbuseEndpoints.Flag], firstNow.Flags);
        Assert.Equal(shared.NetworkIds, firstNow.NetworkIds);
        var alert = Assert.Single(await fixture.OutboxAsync<OrganisedAbuseSuspected>(m => m.YoungPersonIds.Contains(first)));
        Assert.Equal("Vehicle", alert.LinkKind);
        Assert.Equal(new[] { first, second }.Order(), alert.YoungPersonIds);

        var joined = await LinkAsync(worker, third, "Vehicle", plate);
        await LinkAsync(worker, third, "Vehicle", plate); // the same link twice is one link

        Assert.Equal([OrganisedAbuseEndpoints.Flag], joined.Flags);
        Assert.Single(joined.Links);
        Assert.Single(await fixture.OutboxAsync<OrganisedAbuseSuspected>(m => m.NetworkId == alert.NetworkId));
    }

    [Fact]
    public async Task A_flagged_childs_meeting_needs_a_chair_of_service_manager_grade_or_above()
    {
        using var worker = Worker();
        var first = await worker.RegisteredChildAsync();
        var second = await worker.RegisteredChildAsync();
        var phone = "07700 9" + Random.Shared.Next(10000, 99999);
        await LinkAsync(worker, first, "Phone", phone);
        await LinkAsync(worker, second, "Phone", "+44 " + phone[1..]);
        var heldAt = fixture.Clock.GetUtcNow().AddHours(-1);

        var teamManagerChair = await worker.DraftAsync(StrategyRequests.CompleteMeeting([first], heldAt, grade: "TeamManager"));
        using var refused = await worker.FinaliseAsync(teamManagerChair.Id);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.ProblemAsync();
        Assert.Equal(["chair.grade"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Contains("ServiceManager", problem.GetProperty("errors").GetProperty("chair.grade")[0].GetString(), StringComparison.Ordinal);

        var meeting = await worker.FinalisedMeetingAsync(StrategyRequests.CompleteMeeting([first, second], heldAt, grade: "ServiceManager"));
        Assert.True(meeting.OrganisedOrMultipleAbuse);
        var finalised = Assert.Single(await fixture.OutboxAsync<StrategyMeetingFinalised>(m => m.MeetingId == meeting.Id));
        Assert.True(finalised.OrganisedOrMultipleAbuse);
        Assert.Equal("ServiceManager", finalised.ChairGrade);
    }

    [Fact]
    public async Task An_unflagged_childs_meeting_may_be_chaired_by_a_team_manager()
    {
        using var worker = Worker();
        var child = await worker.RegisteredChildAsync();
        await LinkAsync(worker, child, "Nickname", Unique("Only Me "));

        var meeting = await worker.FinalisedMeetingAsync(StrategyRequests.CompleteMeeting([child], fixture.Clock.GetUtcNow().AddHours(-1), grade: "TeamManager"));

        Assert.False(meeting.OrganisedOrMultipleAbuse);
    }

    [Fact]
    public async Task A_link_without_kind_or_value_is_a_400_and_an_unknown_child_is_a_404()
    {
        using var worker = Worker();
        var child = await worker.RegisteredChildAsync();

        using var empty = await worker.PostAsJsonAsync($"/api/referrals/young-people/{child}/links", new { });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(new[] { "kind", "value" }, (await empty.ErrorFieldsAsync()).Order());
        using var punctuation = await worker.PostAsJsonAsync($"/api/referrals/young-people/{child}/links", new { kind = "Phone", value = "--" });
        Assert.Equal(["value"], await punctuation.ErrorFieldsAsync());
        using var unknown = await worker.PostAsJsonAsync($"/api/referrals/young-people/{Guid.NewGuid()}/links", new { kind = "Phone", value = "07700900461" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}

/// <summary>Identifiable case data: 401 without a token, 403 for commissioners (Part I).</summary>
public sealed class StrategyAccessControlTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    [Theory]
    [InlineData("POST", "/api/referrals/s47-pathways")]
    [InlineData("GET", "/api/referrals/s47-pathways?overdue=true")]
    [InlineData("POST", "/api/referrals/s47-pathways/00000000-0000-0000-0000-000000000001/transitions")]
    [InlineData("POST", "/api/referrals/strategy-meetings")]
    [InlineData("POST", "/api/referrals/strategy-meetings/00000000-0000-0000-0000-000000000001/finalise")]
    [InlineData("GET", "/api/referrals/strategy-actions?overdue=true")]
    [InlineData("POST", "/api/referrals/strategy-actions/00000000-0000-0000-0000-000000000001/complete")]
    [InlineData("GET", "/api/referrals/young-people/00000000-0000-0000-0000-000000000001/strategy-meetings")]
    [InlineData("POST", "/api/referrals/young-people/00000000-0000-0000-0000-000000000001/links")]
    public async Task Without_a_token_is_401_and_a_commissioner_gets_403(string method, string path)
    {
        using var anonymous = fixture.Host.CreateClient();
        using var commissioner = fixture.Host.ClientFor(Roles.Commissioner);
        HttpRequestMessage Request() => new(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(Request())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.SendAsync(Request())).StatusCode);
    }
}
