using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.UnmetNeeds;
using Support.Referrals.Domain.UnmetNeeds;
using Support.Referrals.Features.UnmetNeeds;
using Support.Referrals.Features.YoungPeople;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Tests;

/// <summary>
/// COM-05: the unmet needs Referrals finds (a placement refused for cost or shortage, a need an assessment could not
/// meet) are kept in its own register, with the id the platform's ledger was given, so the child's workers can see them
/// and record when each is met; being met is announced as <c>UnmetNeedResolved</c>, once, and the need stays recorded.
/// </summary>
public sealed class UnmetNeedRegisterTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private HttpClient Worker() => fixture.Host.ClientFor(Roles.SocialWorker, "sw-unmet");

    private DateOnly Today => CaseRequests.LondonDate(fixture.Clock.GetUtcNow());

    private async Task<(Guid Child, Guid RefusalId)> ChildRefusedAFosterPlacementAsync()
    {
        using var worker = Worker();
        var child = (await worker.RegisterAsync(new
        {
            givenName = "Test", familyName = "Child", dateOfBirth = "2012-06-06", gender = "Female", ethnicity = "White British", localArea = "Eastwood",
        })).Id;
        using var refusal = await worker.PostAsJsonAsync("/api/referrals/placements/refusals", new
        {
            youngPersonId = child, requestedType = "FosterCare", reason = "NoFosterPlacementAvailable", note = "No foster carer in the borough with a vacancy.",
        });
        Assert.Equal(HttpStatusCode.Created, refusal.StatusCode);
        var refusalId = (await refusal.Content.ReadFromJsonAsync<IdOnly>(CaseRequests.Json))!.Id;
        return (child, refusalId);
    }

    private async Task<List<UnmetNeedResponse>> NeedsAsync(Guid child, HttpClient? reader = null)
    {
        using var worker = Worker();
        return (await (reader ?? worker).GetFromJsonAsync<List<UnmetNeedResponse>>($"/api/referrals/young-people/{child}/unmet-needs", CaseRequests.Json))!;
    }

    private sealed record IdOnly(Guid Id);

    [Fact]
    public async Task A_refused_placement_is_kept_in_the_register_under_the_id_the_ledger_was_given_and_reading_it_is_audited()
    {
        var (child, refusalId) = await ChildRefusedAFosterPlacementAsync();

        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-unmet-reader");
        var need = Assert.Single(await NeedsAsync(child, manager));
        var announced = Assert.Single(await fixture.OutboxAsync<UnmetNeedRecorded>(m => m.YoungPersonId == child));
        Assert.Equal(
            (announced.UnmetNeedId, "Placement", UnmetNeedReason.NotAvailable, UnmetNeedSource.Placement, refusalId, Today, "sw-unmet", (DateOnly?)Today),
            (need.Id, need.NeedCategory, need.Reason, need.Source, need.SourceId, need.Since, need.RecordedBy, announced.Since));
        Assert.Null(need.Met);
        var log = (await manager.GetFromJsonAsync<List<GetAccessLog.Entry>>($"/api/referrals/young-people/{child}/access-log", CaseRequests.Json))!;
        Assert.Contains(log, e => e.Action == AccessActions.Read && e.Actor == "tm-unmet-reader" && e.Path.EndsWith("/unmet-needs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_need_recorded_as_met_keeps_its_reason_gains_the_date_and_how_and_is_announced_as_resolved_once()
    {
        var (child, _) = await ChildRefusedAFosterPlacementAsync();
        var need = Assert.Single(await NeedsAsync(child));
        fixture.Clock.Advance(TimeSpan.FromMinutes(3));
        using var worker = Worker();
        var url = $"/api/referrals/young-people/{child}/unmet-needs/{need.Id}/met";

        using (var met = await worker.PostAsJsonAsync(url, new { metOn = Today, how = "Foster carers in the next borough took her." }))
        {
            Assert.Equal(HttpStatusCode.Created, met.StatusCode);
            var answer = (await met.Content.ReadFromJsonAsync<UnmetNeedResponse>(CaseRequests.Json))!;
            Assert.Equal((Today, "Foster carers in the next borough took her.", "sw-unmet"), (answer.Met!.MetOn, answer.Met.How, answer.Met.RecordedBy));
        }
        using (var again = await worker.PostAsJsonAsync(url, new { metOn = Today, how = "Again." }))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        var read = Assert.Single(await NeedsAsync(child));
        Assert.Equal((need.Id, UnmetNeedReason.NotAvailable, need.RecordedAt), (read.Id, read.Reason, read.RecordedAt));
        Assert.Equal(Today, read.Met!.MetOn);
        var resolved = Assert.Single(await fixture.OutboxAsync<UnmetNeedResolved>(m => m.YoungPersonId == child));
        Assert.Equal((need.Id, Today, UnmetNeedRegister.Service, "sw-unmet"), (resolved.UnmetNeedId, resolved.ResolvedOn, resolved.ResolvedByService, resolved.RecordedBy));
    }

    [Fact]
    public async Task A_bad_answer_names_its_field_and_stores_nothing_and_only_those_who_decide_may_give_one()
    {
        var (child, _) = await ChildRefusedAFosterPlacementAsync();
        var need = Assert.Single(await NeedsAsync(child));
        using var worker = Worker();
        var url = $"/api/referrals/young-people/{child}/unmet-needs/{need.Id}/met";

        using (var noDate = await worker.PostAsJsonAsync(url, new { how = "Found one." }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
            Assert.Equal(["metOn"], await noDate.ErrorFieldsAsync());
        }
        using (var noHow = await worker.PostAsJsonAsync(url, new { metOn = Today, how = "  " }))
        {
            Assert.Equal(["how"], await noHow.ErrorFieldsAsync());
        }
        using (var future = await worker.PostAsJsonAsync(url, new { metOn = Today.AddDays(1), how = "Found one." }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
            Assert.Equal(["metOn"], await future.ErrorFieldsAsync());
        }
        using (var beforeIt = await worker.PostAsJsonAsync(url, new { metOn = Today.AddDays(-1), how = "Found one." }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, beforeIt.StatusCode);
            Assert.Equal(["metOn"], await beforeIt.ErrorFieldsAsync());
        }
        using (var otherChild = await worker.PostAsJsonAsync($"/api/referrals/young-people/{Guid.NewGuid()}/unmet-needs/{need.Id}/met", new { metOn = Today, how = "x" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, otherChild.StatusCode);
        }
        using (var police = fixture.Host.ClientFor(Roles.PoliceLiaison, "pc-unmet"))
        using (var notTheirs = await police.PostAsJsonAsync(url, new { metOn = Today, how = "x" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        }

        Assert.Null(Assert.Single(await NeedsAsync(child)).Met);
        Assert.Empty(await fixture.OutboxAsync<UnmetNeedResolved>(m => m.YoungPersonId == child));
        await using var db = fixture.CreateDbContext();
        Assert.False(await db.UnmetNeedsMet.AnyAsync(m => m.YoungPersonId == child));
    }

    [Fact]
    public async Task The_register_of_an_unknown_young_person_is_not_found()
    {
        using var worker = Worker();
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/referrals/young-people/{Guid.NewGuid()}/unmet-needs")).StatusCode);
    }
}
