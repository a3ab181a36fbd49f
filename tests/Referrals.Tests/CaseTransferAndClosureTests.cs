using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Cases;
using Support.Contracts.Risk;
using Support.Referrals.Domain;
using Support.Referrals.Domain.Cases;
using Support.Referrals.Features.Cases;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Tests;

/// <summary>REF-06, REF-25, REF-09: transfers keep the current team responsible until accepted; closure checks what is open.</summary>
public sealed class CaseTransferAndClosureTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private HttpClient Worker() => fixture.Host.ClientFor(Roles.SocialWorker, "sw-transfer");
    private HttpClient Manager(string user = "tm-close") => fixture.Host.ClientFor(Roles.TeamManager, user);

    private static object TransferRequest(string toTeam = "Assessment") => new
    {
        toTeam, summary = "Peer-only concerns now; CSE indicators resolved after disruption.",
        allocationCriterion = "PeerOnlyHarmfulSexualBehaviour", criteriaVersion = "2026.1",
    };

    private async Task<CaseResponse> CaseAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<CaseDetailResponse>($"/api/referrals/cases/{id}", CaseRequests.Json))!.Case;

    private async Task<Guid> OpenReviewAsync(Guid youngPersonId)
    {
        await using var db = fixture.CreateDbContext();
        var review = RiskReview.Open(youngPersonId, RiskReviewTrigger.Manual, $"test:{Guid.NewGuid()}", fixture.Clock.GetUtcNow(),
            [RiskIndicator.MissingFromHome], disclosureMade: false, ageAtTrigger: 14, Author.Service("test", fixture.Clock.GetUtcNow()));
        db.RiskReviews.Add(review);
        await db.SaveChangesAsync();
        return review.Id;
    }

    [Fact]
    public async Task A_transfer_leaves_the_current_team_responsible_until_the_receiving_team_accepts()
    {
        using var worker = Worker();
        using var sending = Manager("tm-cse");
        using var receiving = Manager("tm-assessment");
        var @case = await worker.OpenCaseAsync(await worker.RegisterChildAsync());

        using var requested = await worker.PostAsJsonAsync($"/api/referrals/cases/{@case.Id}/transfers", TransferRequest());
        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
        var transfer = await requested.ReadAsync<CaseTransferResponse>();
        Assert.Equal(CaseTransferStatus.Requested, transfer.Status);

        using var noRationale = await sending.PostAsJsonAsync($"/api/referrals/cases/{@case.Id}/transfers/{transfer.Id}/approve", new { rationale = " " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noRationale.StatusCode);
        Assert.True((await noRationale.ProblemAsync()).GetProperty("errors").TryGetProperty("rationale", out _));

        using var approved = await sending.PostAsJsonAsync($"/api/referrals/cases/{@case.Id}/transfers/{transfer.Id}/approve",
            new { rationale = "Assessment team holds peer-only work under the 2026.1 criteria." });
        Assert.Equal(CaseTransferStatus.AwaitingAcceptance, (await approved.ReadAsync<CaseTransferResponse>()).Status);
        Assert.Equal("CSE", (await CaseAsync(worker, @case.Id)).LeadTeam);
        Assert.Empty(await fixture.OutboxAsync<CaseTransferred>(m => m.CaseId == @case.Id));

        fixture.Clock.Advance(TimeSpan.FromHours(3));
        using var accepted = await receiving.PostAsync($"/api/referrals/cases/{@case.Id}/transfers/{transfer.Id}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(CaseTransferStatus.Completed, (await accepted.ReadAsync<CaseTransferResponse>()).Status);
        Assert.Equal("Assessment", (await CaseAsync(worker, @case.Id)).LeadTeam);

        var moved = Assert.Single(await fixture.OutboxAsync<CaseTransferred>(m => m.CaseId == @case.Id));
        Assert.Equal(("CSE", "Assessment", "tm-cse"), (moved.FromTeam, moved.ToTeam, moved.ApprovedBy));
        var history = (await worker.GetFromJsonAsync<GetAllocations.AllocationsResponse>($"/api/referrals/cases/{@case.Id}/allocations", CaseRequests.Json))!;
        Assert.Equal(["CSE", "Assessment"], history.LeadTeams.Select(t => t.Team));
        Assert.Equal(history.LeadTeams[0].ValidTo, history.LeadTeams[1].ValidFrom);
        Assert.Equal("PeerOnlyHarmfulSexualBehaviour", history.LeadTeams[1].Criterion);
    }

    [Fact]
    public async Task An_accepted_transfer_without_a_manager_s_approval_does_not_move_the_case_and_a_declined_one_never_does()
    {
        using var worker = Worker();
        using var manager = Manager();
        var @case = await worker.OpenCaseAsync(await worker.RegisterChildAsync());
        var transfer = await (await worker.PostAsJsonAsync($"/api/referrals/cases/{@case.Id}/transfers", TransferRequest())).ReadAsync<CaseTransferResponse>();

        using var accepted = await manager.PostAsync($"/api/referrals/cases/{@case.Id}/transfers/{transfer.Id}/accept", null);
        Assert.Equal(CaseTransferStatus.AwaitingApproval, (await accepted.ReadAsync<CaseTransferResponse>()).Status);
        Assert.Equal("CSE", (await CaseAsync(worker, @case.Id)).LeadTeam);
        Assert.Equal(HttpStatusCode.Conflict,
            (await worker.PostAsJsonAsync($"/api/referrals/cases/{@case.Id}/transfers", TransferRequest("Elsewhere"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await worker.PostAsJsonAsync($"/api/referrals/cases/{@case.Id}/transfers/{transfer.Id}/approve", new { rationale = "I approve myself" })).StatusCode);

        var other = await worker.OpenCaseAsync(await worker.RegisterChildAsync());
        var disputed = await (await worker.PostAsJsonAsync($"/api/referrals/cases/{other.Id}/transfers", TransferRequest())).ReadAsync<CaseTransferResponse>();
        using var declined = await manager.PostAsJsonAsync($"/api/referrals/cases/{other.Id}/transfers/{disputed.Id}/decline", new { rationale = "Adult involvement: stays CSE." });
        Assert.Equal(CaseTransferStatus.Declined, (await declined.ReadAsync<CaseTransferResponse>()).Status);
        Assert.Equal(HttpStatusCode.Conflict,
            (await manager.PostAsJsonAsync($"/api/referrals/cases/{other.Id}/transfers/{disputed.Id}/approve", new { rationale = "Overrule" })).StatusCode);
        Assert.Equal("CSE", (await CaseAsync(worker, other.Id)).LeadTeam);
    }

    [Fact]
    public async Task Closure_is_refused_while_a_risk_review_is_open_and_allowed_once_it_is_completed()
    {
        using var worker = Worker();
        using var manager = Manager();
        var person = await worker.RegisterChildAsync();
        var @case = await worker.OpenCaseAsync(person);
        var reviewId = await OpenReviewAsync(person);

        using var refused = await manager.CloseAsync(@case.Id);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var items = (await refused.ProblemAsync()).GetProperty("openItems").EnumerateArray().ToList();
        var item = Assert.Single(items);
        Assert.Equal($"risk-review:{reviewId}", item.GetProperty("key").GetString());
        Assert.True(item.GetProperty("blocksClosure").GetBoolean());
        Assert.Equal(CaseStatus.Open, (await CaseAsync(worker, @case.Id)).Status);
        // A decision cannot wave a blocking item through.
        Assert.Equal(HttpStatusCode.Conflict, (await manager.CloseAsync(@case.Id, new { item = $"risk-review:{reviewId}", decision = "Ignore" })).StatusCode);

        // Review completion is another feature's; here the review is completed in the database.
        await using (var db = fixture.CreateDbContext())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE referrals.risk_reviews SET status = 'Completed' WHERE id = {reviewId}");
        }
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        using var closed = await manager.CloseAsync(@case.Id);

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var closure = await closed.ReadAsync<CloseCase.ClosureResponse>();
        Assert.Equal(CaseStatus.Closed, closure.Case.Status);
        Assert.Equal("tm-close", closure.ApprovedBy);
        Assert.Equal(fixture.Clock.GetUtcNow(), closure.ClosedAt.Utc);
        var announced = Assert.Single(await fixture.OutboxAsync<CaseClosed>(m => m.CaseId == @case.Id));
        Assert.Equal(("tm-close", person), (announced.ApprovedBy, announced.YoungPersonId));
        Assert.Equal(HttpStatusCode.Conflict, (await manager.CloseAsync(@case.Id)).StatusCode);
    }

    [Fact]
    public async Task Closure_is_refused_while_a_referral_is_undecided_an_s47_pathway_is_short_of_its_outcome_or_a_strategy_action_is_open()
    {
        using var worker = Worker();
        using var manager = Manager();
        var person = await worker.RegisterChildAsync();
        var @case = await worker.OpenCaseAsync(person);
        var referral = await worker.ReferAsync(ReferralRequests.For(person, fixture.Clock.GetUtcNow().AddHours(-1)));
        var pathway = await worker.StartPathwayAsync(person);
        await worker.FinalisedMeetingAsync(StrategyRequests.CompleteMeeting([person], fixture.Clock.GetUtcNow().AddHours(-1), [pathway.Id]));

        using var refused = await manager.CloseAsync(@case.Id);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var items = (await refused.ProblemAsync()).GetProperty("openItems").EnumerateArray()
            .ToDictionary(i => i.GetProperty("key").GetString()!, i => i.GetProperty("blocksClosure").GetBoolean());
        Assert.True(items[$"referral:{referral.Id}"]);
        Assert.True(items[$"s47-pathway:{pathway.Id}"]);
        Assert.True(Assert.Single(items, i => i.Key.StartsWith("strategy-action:", StringComparison.Ordinal)).Value);
    }

    [Fact]
    public async Task Closure_without_a_summary_or_a_rationale_is_a_422_naming_each_and_a_social_worker_gets_403()
    {
        using var worker = Worker();
        using var manager = Manager();
        var @case = await worker.OpenCaseAsync(await worker.RegisterChildAsync());

        using var empty = await manager.PostAsJsonAsync($"/api/referrals/cases/{@case.Id}/close", new { summary = "", rationale = (string?)null });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Equal(["rationale", "summary"], (await empty.ProblemAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());

        using var byWorker = await worker.CloseAsync(@case.Id);
        Assert.Equal(HttpStatusCode.Forbidden, byWorker.StatusCode);
        Assert.Equal(CaseStatus.Open, (await CaseAsync(worker, @case.Id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.CloseAsync(Guid.NewGuid())).StatusCode);
    }

    [Fact]
    public async Task A_pending_transfer_blocks_closure()
    {
        using var worker = Worker();
        using var manager = Manager();
        var @case = await worker.OpenCaseAsync(await worker.RegisterChildAsync());
        var transfer = await (await worker.PostAsJsonAsync($"/api/referrals/cases/{@case.Id}/transfers", TransferRequest())).ReadAsync<CaseTransferResponse>();

        using var refused = await manager.CloseAsync(@case.Id);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal([$"transfer:{transfer.Id}"], (await refused.ProblemAsync()).GetProperty("openItems").EnumerateArray().Select(i => i.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task An_18th_birthday_within_6_months_needs_an_explicit_decision_before_closure_but_one_further_off_does_not()
    {
        using var worker = Worker();
        using var manager = Manager();
        var today = CaseRequests.LondonDate(fixture.Clock.GetUtcNow());
        var soon = today.AddMonths(6).AddYears(-18);          // turns 18 exactly 6 months from today: listed
        var later = today.AddMonths(6).AddDays(1).AddYears(-18); // one day further: not listed
        var soonCase = await worker.OpenCaseAsync(await worker.RegisterChildAsync(soon.ToString("yyyy-MM-dd")));
        var laterCase = await worker.OpenCaseAsync(await worker.RegisterChildAsync(later.ToString("yyyy-MM-dd")));

        using var undecided = await manager.CloseAsync(soonCase.Id);
        Assert.Equal(HttpStatusCode.Conflict, undecided.StatusCode);
        var item = Assert.Single((await undecided.ProblemAsync()).GetProperty("openItems").EnumerateArray());
        Assert.Equal("eighteenth-birthday", item.GetProperty("key").GetString());
        Assert.False(item.GetProperty("blocksClosure").GetBoolean());

        using var decided = await manager.CloseAsync(soonCase.Id, new { item = "eighteenth-birthday", decision = "Referred to leaving care; personal adviser allocated." });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("Referred to leaving care; personal adviser allocated.", (await decided.ReadAsync<CloseCase.ClosureResponse>()).Decisions["eighteenth-birthday"]);

        Assert.Equal(HttpStatusCode.OK, (await manager.CloseAsync(laterCase.Id)).StatusCode);
    }
}
