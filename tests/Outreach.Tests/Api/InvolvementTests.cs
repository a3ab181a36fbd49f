using System.Net;
using System.Net.Http.Json;
using Support.Outreach.Features.Involvements;
using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Tests.Api;

/// <summary>
/// OUT-06, OUT-11: an involvement is recorded since a date, handed straight to a colleague in one action, and ends only
/// by a recorded decision saying what the young person was told and said; within 12 months of their last disclosure
/// only a manager may end it.
/// </summary>
public sealed class InvolvementTests(OutreachFixture fixture) : IClassFixture<OutreachFixture>
{
    internal static async Task<InvolvementResponse> StartAsync(HttpClient client, Guid youngPersonId, string since = "2025-06-01", string? workerUserId = null)
    {
        using var response = await client.PostAsJsonAsync("/api/outreach/involvements", new { youngPersonId, since, workerUserId });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<InvolvementResponse>();
    }

    private static Task<HttpResponseMessage> EndAsync(HttpClient client, Guid id, bool? told = true) =>
        client.PostAsJsonAsync($"/api/outreach/involvements/{id}/end",
            new { reason = "She has moved to Leeds and has a worker there she trusts.", youngPersonTold = told, youngPersonResponse = "She said she'd text if she needs us." });

    private async Task DisclosureAsync(HttpClient worker, Guid youngPersonId, string receivedAt)
    {
        using var response = await worker.PostAsJsonAsync("/api/outreach/information-items", new
        {
            youngPersonId, words = "He said I owe him for the phone.", sourceKind = "YoungPersonFirstHand", reportedBy = "Herself", hand = "FirstHand", receivedAt,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_worker_records_an_involvement_since_a_past_date_once_and_bad_input_stores_nothing()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-inv-start");

        var involvement = await StartAsync(worker, person, "2024-11-02");

        Assert.Equal((new DateOnly(2024, 11, 2), "ow-inv-start", "ow-inv-start", "Open"), (involvement.Since, involvement.StartedByWorker, involvement.CurrentWorkerUserId, involvement.Status));
        Assert.Equal(fixture.Now, involvement.RecordedAt.Utc);
        using var twice = await worker.PostAsJsonAsync("/api/outreach/involvements", new { youngPersonId = person, since = "2024-11-02" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(involvement.Id, (await twice.ProblemAsync()).GetProperty("involvementId").GetGuid());
        Assert.Equal(["since"], await (await worker.PostAsJsonAsync("/api/outreach/involvements", new { youngPersonId = person, since = "02/11/2024" })).ErrorFieldsAsync());
        using var future = await worker.PostAsJsonAsync("/api/outreach/involvements", new { youngPersonId = person, since = "2026-01-31" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
        Assert.Equal(["since"], await future.ErrorFieldsAsync());
        using var unknown = await worker.PostAsJsonAsync("/api/outreach/involvements", new { youngPersonId = Guid.NewGuid(), since = "2025-01-01" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal(["youngPersonId"], await unknown.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await worker.PostAsJsonAsync("/api/outreach/involvements", new { youngPersonId = person, since = "2025-01-01", endsOn = "2026-01-01" })).StatusCode);
        using var forColleague = await worker.PostAsJsonAsync("/api/outreach/involvements", new { youngPersonId = person, since = "2025-01-01", workerUserId = "ow-someone-else" });
        Assert.Equal(HttpStatusCode.Forbidden, forColleague.StatusCode);
        using var commissioner = fixture.Host.ClientFor(Roles.Commissioner, "comm-inv");
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync($"/api/outreach/involvements/{involvement.Id}")).StatusCode);
        var listed = await worker.GetFromJsonAsync<List<InvolvementResponse>>($"/api/outreach/young-people/{person}/involvements", OutreachFixture.Json);
        Assert.Equal(involvement.Id, Assert.Single(listed!).Id);
    }

    [Fact]
    public async Task A_worker_hands_an_involvement_straight_to_a_colleague_who_then_holds_it_and_the_history_stays()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var amy = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-amy-hand");
        using var ben = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-ben-hand");
        var involvement = await StartAsync(amy, person);

        using var byOutsider = await ben.PostAsJsonAsync($"/api/outreach/involvements/{involvement.Id}/handover", new { toWorkerUserId = "ow-ben-hand", reason = "I'll take her." });
        Assert.Equal(HttpStatusCode.Forbidden, byOutsider.StatusCode);
        using var toSelf = await amy.PostAsJsonAsync($"/api/outreach/involvements/{involvement.Id}/handover", new { toWorkerUserId = "ow-amy-hand", reason = "x" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, toSelf.StatusCode);
        Assert.Equal(["toWorkerUserId"], await toSelf.ErrorFieldsAsync());
        using var handed = await amy.PostAsJsonAsync($"/api/outreach/involvements/{involvement.Id}/handover",
            new { toWorkerUserId = "ow-ben-hand", reason = "Going on maternity leave; Ben already knows her from the Thursday group." });

        Assert.Equal(HttpStatusCode.OK, handed.StatusCode);
        var now = await handed.ReadAsync<InvolvementResponse>();
        Assert.Equal(("ow-ben-hand", "ow-amy-hand", involvement.Since), (now.CurrentWorkerUserId, now.StartedByWorker, now.Since));
        var handover = Assert.Single(now.Handovers);
        Assert.Equal(("ow-amy-hand", "ow-ben-hand", "ow-amy-hand"), (handover.FromWorkerUserId, handover.ToWorkerUserId, handover.HandedBy));
        Assert.Contains(await ben.GetFromJsonAsync<List<InvolvementResponse>>("/api/outreach/my/involvements", OutreachFixture.Json) ?? [], i => i.Id == involvement.Id);
        Assert.DoesNotContain(await amy.GetFromJsonAsync<List<InvolvementResponse>>("/api/outreach/my/involvements", OutreachFixture.Json) ?? [], i => i.Id == involvement.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await amy.PostAsJsonAsync($"/api/outreach/involvements/{involvement.Id}/handover",
            new { toWorkerUserId = "ow-cat-hand", reason = "back" })).StatusCode);
    }

    [Fact]
    public async Task Within_12_months_of_the_last_disclosure_only_a_manager_may_end_an_involvement_and_it_ends_once()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-inv-end");
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-inv-end");
        var involvement = await StartAsync(worker, person);
        // Today in London is 30 January 2026: a disclosure on 31 January 2025 is inside the 12 months.
        await DisclosureAsync(worker, person, "2025-01-31T18:00");

        Assert.Equal(["youngPersonTold"], await (await EndAsync(worker, involvement.Id, told: null)).ErrorFieldsAsync());
        using var refused = await EndAsync(worker, involvement.Id);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Open", (await worker.GetFromJsonAsync<InvolvementResponse>($"/api/outreach/involvements/{involvement.Id}", OutreachFixture.Json))!.Status);

        using var ended = await EndAsync(manager, involvement.Id);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        var response = await ended.ReadAsync<InvolvementResponse>();
        Assert.Equal(("Ended", true, "She said she'd text if she needs us.", "tm-inv-end"),
            (response.Status, response.Ending!.YoungPersonTold, response.Ending.YoungPersonResponse, response.Ending.EndedBy));
        Assert.Equal(new DateTimeOffset(2025, 1, 31, 18, 0, 0, TimeSpan.Zero), response.Ending.LastDisclosureAt!.Value.Utc);
        Assert.Equal(HttpStatusCode.Conflict, (await EndAsync(manager, involvement.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsJsonAsync($"/api/outreach/involvements/{involvement.Id}/handover",
            new { toWorkerUserId = "ow-x", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await EndAsync(manager, Guid.NewGuid())).StatusCode);
    }

    [Fact]
    public async Task A_worker_may_end_an_involvement_once_12_months_have_passed_since_the_last_disclosure_to_the_day()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.OutreachWorker, "ow-inv-end-12");
        var involvement = await StartAsync(worker, person);
        await DisclosureAsync(worker, person, "2025-01-30T09:00");
        // Information from someone else is not the young person's disclosure.
        using var peer = await worker.PostAsJsonAsync("/api/outreach/information-items", new
        {
            youngPersonId = person, words = "Her friend says she's back with him.", sourceKind = "Peer", reportedBy = "A friend", hand = "SecondHand",
            receivedAt = "2026-01-20T12:00",
        });
        Assert.Equal(HttpStatusCode.Created, peer.StatusCode);

        using var ended = await EndAsync(worker, involvement.Id, told: false);

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.False((await ended.ReadAsync<InvolvementResponse>()).Ending!.YoungPersonTold);
    }
}
