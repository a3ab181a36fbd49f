using System.Net;
using System.Net.Http.Json;
using Support.Contracts.Referrals;
using Support.Contracts.Risk;
using Support.Referrals.Domain.Referrals;
using Support.Referrals.Features.Referrals;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>REF-02: reclassification is justified, approved by a manager when it lowers or leaves CSE, and kept for ever.</summary>
public sealed class ReclassificationTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private async Task<ReferralResponse> ReferAsync(string family)
    {
        using var client = fixture.Host.ClientFor(Roles.OutreachWorker, "rb-referrer");
        var person = await client.RegisterAsync(YoungPersonRequests.Valid("Reclassified", family, "2011-02-02"));
        // Driven around in cars: an adult offering lifts (R5), Urgent.
        var body = ReferralRequests.For(person.Id, fixture.Clock.GetUtcNow().AddHours(-1), "OutreachWorker");
        return await client.ReferAsync(body);
    }

    private static async Task<(HttpStatusCode Status, ReferralResponse? Referral)> ReclassifyAsync(HttpClient client, Guid id, object body)
    {
        using var response = await client.PostAsJsonAsync($"/api/referrals/{id}/reclassifications", body);
        return (response.StatusCode, response.StatusCode == HttpStatusCode.Created
            ? await response.Content.ReadFromJsonAsync<ReferralResponse>(ReferralRequests.Json)
            : null);
    }

    private static Task<HttpResponseMessage> ResolveAsync(HttpClient client, Guid id, Guid rid, string action, string? note = null) =>
        client.PostAsJsonAsync($"/api/referrals/{id}/reclassifications/{rid}/{action}", new { note });

    [Fact]
    public async Task Moving_away_from_cse_stays_pending_with_the_original_in_force_until_a_manager_approves()
    {
        var referral = await ReferAsync("NotCse");
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-reclass");
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-approver");

        var (status, pending) = await ReclassifyAsync(worker, referral.Id, new { cseType = "NotCse", rationale = "Family conflict, no exploitation found" });

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(CseType.StreetGrooming, pending!.CseType);
        var request = Assert.Single(pending.Reclassifications);
        Assert.Equal(ReclassificationStatus.Pending, request.Status);
        await using (var db = fixture.CreateDbContext())
        {
            Assert.Empty(await db.OutboxAsync<ReferralReclassified>(m => m.ReferralId == referral.Id));
        }

        using var approved = await ResolveAsync(manager, referral.Id, request.Id, "approve", "Agreed after reading the file");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        var read = await worker.GetReferralAsync(referral.Id);
        Assert.Equal(CseType.NotCse, read.CseType);
        Assert.Equal(CseType.StreetGrooming, read.OriginalCseType);
        Assert.Equal("front-door", read.ResponsePathway.Code);
        var history = Assert.Single(read.Reclassifications);
        Assert.Equal(ReclassificationStatus.Approved, history.Status);
        Assert.Equal((CseType.StreetGrooming, CseType.NotCse), (history.FromCseType, history.ToCseType));
        Assert.Equal(("sw-reclass", "Family conflict, no exploitation found"), (history.RequestedBy, history.Rationale));
        Assert.Equal(("tm-approver", "Agreed after reading the file"), (history.ResolvedBy, history.ResolutionNote));
        // The indicators recorded at intake stay attached.
        Assert.Equal(referral.Indicators, read.Indicators);
        Assert.Contains(RiskIndicator.DrivenAroundInCars, read.Indicators);
        await using var after = fixture.CreateDbContext();
        var evt = Assert.Single(await after.OutboxAsync<ReferralReclassified>(m => m.ReferralId == referral.Id));
        Assert.Equal(("rb-referrer", ReferrerRole.OutreachWorker), (evt.OriginalReferrer, evt.OriginalReferrerRole));
        Assert.Equal(("sw-reclass", "tm-approver"), (evt.RequestedBy, evt.ApprovedBy));
        Assert.Equal((CseType.StreetGrooming, CseType.NotCse), (evt.FromCseType, evt.ToCseType));
    }

    [Fact]
    public async Task A_rejected_lowering_leaves_the_original_priority_and_keeps_the_request_in_the_history()
    {
        var referral = await ReferAsync("Rejected");
        Assert.Equal(ReferralPriority.Urgent, referral.Priority);
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        using var manager = fixture.Host.ClientFor(Roles.TeamManager);

        var (_, pending) = await ReclassifyAsync(worker, referral.Id, new { priority = "Standard", rationale = "Lifts were from an aunt" });
        var request = Assert.Single(pending!.Reclassifications);
        Assert.Equal(ReferralPriority.Urgent, pending.Priority);
        using var rejected = await ResolveAsync(manager, referral.Id, request.Id, "reject", "Not verified");
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);

        var read = await worker.GetReferralAsync(referral.Id);
        Assert.Equal(ReferralPriority.Urgent, read.Priority);
        Assert.Equal(ReclassificationStatus.Rejected, Assert.Single(read.Reclassifications).Status);
        using var again = await ResolveAsync(manager, referral.Id, request.Id, "approve");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await using var db = fixture.CreateDbContext();
        Assert.Empty(await db.OutboxAsync<ReferralReclassified>(m => m.ReferralId == referral.Id));
    }

    [Fact]
    public async Task Raising_the_priority_applies_at_once_without_approval()
    {
        var referral = await ReferAsync("Raised");
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);

        var (status, raised) = await ReclassifyAsync(worker, referral.Id, new { priority = "Immediate" });

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(ReferralPriority.Immediate, raised!.Priority);
        Assert.Equal(ReferralPriority.Urgent, raised.OriginalPriority);
        Assert.Equal(ReclassificationStatus.Applied, Assert.Single(raised.Reclassifications).Status);
        await using var db = fixture.CreateDbContext();
        Assert.Equal(ReferralPriority.Immediate, Assert.Single(await db.OutboxAsync<ReferralReclassified>(m => m.ReferralId == referral.Id)).ToPriority);
    }

    [Fact]
    public async Task A_lowering_or_a_move_away_from_cse_without_a_rationale_is_422_naming_rationale()
    {
        var referral = await ReferAsync("NoRationale");
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);

        foreach (var body in new object[] { new { cseType = "NotCse" }, new { priority = "Raised", rationale = "  " } })
        {
            using var response = await worker.PostAsJsonAsync($"/api/referrals/{referral.Id}/reclassifications", body);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("rationale", out _));
        }
        Assert.Empty((await worker.GetReferralAsync(referral.Id)).Reclassifications);
        // An adult is involved: the peer pathway is refused on reclassification too (REF-05).
        using var peer = await worker.PostAsJsonAsync($"/api/referrals/{referral.Id}/reclassifications", new { cseType = "PeerImageSharing", rationale = "Images" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, peer.StatusCode);
        Assert.True((await peer.ProblemAsync()).GetProperty("errors").TryGetProperty("cseType", out _));
    }

    [Fact]
    public async Task Only_a_manager_other_than_the_requester_approves_and_a_second_request_waits_for_the_first()
    {
        var referral = await ReferAsync("Approver");
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-requester");
        using var otherManager = fixture.Host.ClientFor(Roles.SeniorManager, "sm-approver");
        var (_, pending) = await ReclassifyAsync(manager, referral.Id, new { cseType = "NotCse", rationale = "Not CSE" });
        var request = Assert.Single(pending!.Reclassifications);

        using var byWorker = await ResolveAsync(worker, referral.Id, request.Id, "approve");
        using var byOutreach = await ResolveAsync(fixture.Host.ClientFor(Roles.OutreachWorker), referral.Id, request.Id, "reject");
        using var byRequester = await ResolveAsync(manager, referral.Id, request.Id, "approve");
        var (secondStatus, _) = await ReclassifyAsync(worker, referral.Id, new { priority = "Immediate" });

        Assert.Equal(HttpStatusCode.Forbidden, byWorker.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOutreach.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, byRequester.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondStatus);
        Assert.Equal(HttpStatusCode.NotFound, (await ResolveAsync(otherManager, referral.Id, Guid.NewGuid(), "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ResolveAsync(otherManager, referral.Id, request.Id, "approve")).StatusCode);
        Assert.Equal(CseType.NotCse, (await worker.GetReferralAsync(referral.Id)).CseType);
    }
}
