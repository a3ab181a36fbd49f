using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Support.Contracts.Referrals;
using Support.Testing;
using Support.ServiceDefaults.Time;

namespace Support.EndToEnd.Tests;

/// <summary>
/// REF-06, REF-23, REF-24, REF-25 through the gateway: a case opens with a lead team and criterion, waits on the
/// unallocated report, gets one key worker at a time, is transferred only once accepted and approved, closes with a
/// summary and a manager's rationale, and then refuses a key worker. A front-door decision on the bus opens a case once.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CaseAllocationEndToEndTests(Platform platform)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task A_case_is_allocated_transferred_and_closed_through_the_gateway_and_a_closed_case_refuses_a_key_worker()
    {
        using var social = platform.Client("SocialWorker", "e2e-case-sw");
        using var manager = platform.Client("TeamManager", "e2e-case-tm");
        using var receiving = platform.Client("TeamManager", "e2e-case-tm-assessment");
        using var registered = await social.PostAsJsonAsync("/api/referrals/young-people", new
        {
            givenName = "Casey", familyName = "Allocated", dateOfBirth = "2012-02-02", gender = "Female", localArea = "Eastwood",
        });
        var youngPersonId = (await JsonAsync(registered)).GetProperty("id").GetGuid();
        (await manager.PostAsJsonAsync("/api/referrals/teams/CSE/manager", new { manager = "e2e-case-tm" })).EnsureSuccessStatusCode();

        using var opened = await social.PostAsJsonAsync("/api/referrals/cases", new
        {
            youngPersonId, leadTeam = "CSE", allocationCriterion = "RiskHighOrAbove", criteriaVersion = "2026.1",
        });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var caseId = (await JsonAsync(opened)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await social.PostAsJsonAsync("/api/referrals/cases", new
        {
            youngPersonId, leadTeam = "Assessment", allocationCriterion = "ChildInNeedAssessment", criteriaVersion = "2026.1",
        })).StatusCode);

        var unallocated = await JsonAsync(await manager.GetAsync("/api/referrals/cases?unallocated=true"));
        Assert.Contains(unallocated.EnumerateArray(), c => c.GetProperty("id").GetGuid() == caseId);

        (await manager.PostAsJsonAsync($"/api/referrals/cases/{caseId}/key-worker", new { keyWorker = "e2e-kw-1" })).EnsureSuccessStatusCode();
        (await manager.PostAsJsonAsync($"/api/referrals/cases/{caseId}/key-worker", new { keyWorker = "e2e-kw-2" })).EnsureSuccessStatusCode();
        var today = London.DateOf(DateTimeOffset.UtcNow);
        var allocations = await JsonAsync(await social.GetAsync($"/api/referrals/cases/{caseId}/allocations?on={today:yyyy-MM-dd}"));
        var keyWorkers = allocations.GetProperty("keyWorkers").EnumerateArray().ToList();
        Assert.Equal(["e2e-kw-1", "e2e-kw-2"], keyWorkers.Select(k => k.GetProperty("holder").GetString()));
        Assert.Equal(keyWorkers[0].GetProperty("validTo").GetProperty("utc").GetDateTimeOffset(), keyWorkers[1].GetProperty("validFrom").GetProperty("utc").GetDateTimeOffset());
        Assert.Equal(["e2e-case-tm"], allocations.GetProperty("teamManagers").EnumerateArray().Select(m => m.GetProperty("holder").GetString()));

        using var requested = await social.PostAsJsonAsync($"/api/referrals/cases/{caseId}/transfers", new
        {
            toTeam = "Assessment", summary = "Peer-only concerns remain.", allocationCriterion = "PeerOnlyHarmfulSexualBehaviour", criteriaVersion = "2026.1",
        });
        var transferId = (await JsonAsync(requested)).GetProperty("id").GetGuid();
        (await manager.PostAsJsonAsync($"/api/referrals/cases/{caseId}/transfers/{transferId}/approve", new { rationale = "Meets the peer-only criterion." })).EnsureSuccessStatusCode();
        Assert.Equal("CSE", (await JsonAsync(await social.GetAsync($"/api/referrals/cases/{caseId}"))).GetProperty("case").GetProperty("leadTeam").GetString());
        (await receiving.PostAsync($"/api/referrals/cases/{caseId}/transfers/{transferId}/accept", null)).EnsureSuccessStatusCode();
        Assert.Equal("Assessment", (await JsonAsync(await social.GetAsync($"/api/referrals/cases/{caseId}"))).GetProperty("case").GetProperty("leadTeam").GetString());

        // A visit is listed on the case and reaches the child's chronology over the bus (REF-23).
        var visitedAt = DateTimeOffset.UtcNow.AddHours(-3);
        using (var visit = await social.PostAsJsonAsync($"/api/referrals/cases/{caseId}/visits", new { occurredAt = visitedAt, faceToFace = true, place = "Home" }))
        {
            Assert.Equal(HttpStatusCode.Created, visit.StatusCode);
        }
        var visits = await JsonAsync(await social.GetAsync($"/api/referrals/cases/{caseId}/visits"));
        Assert.Equal("Home", Assert.Single(visits.EnumerateArray()).GetProperty("place").GetString());
        await Eventually.TrueAsync(async () =>
        {
            var chronology = await JsonAsync(await social.GetAsync($"/api/referrals/young-people/{youngPersonId}/chronology"));
            return chronology.GetProperty("entries").EnumerateArray().Any(e => e.GetProperty("kind").GetString() == "CaseVisitRecorded");
        }, TimeSpan.FromSeconds(30), "the visit to reach the chronology");

        Assert.Equal(HttpStatusCode.Forbidden, (await social.PostAsJsonAsync($"/api/referrals/cases/{caseId}/close", new { summary = "s", rationale = "r" })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await manager.PostAsJsonAsync($"/api/referrals/cases/{caseId}/close", new { summary = "" })).StatusCode);
        using var closed = await manager.PostAsJsonAsync($"/api/referrals/cases/{caseId}/close", new
        {
            summary = "Safety plan holds; school and family engaged.", rationale = "No open risk work; outreach continues.",
        });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);

        using var late = await manager.PostAsJsonAsync($"/api/referrals/cases/{caseId}/key-worker", new { keyWorker = "e2e-kw-3" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("Closed", (await JsonAsync(late)).GetProperty("caseStatus").GetString());
        var cases = await JsonAsync(await social.GetAsync($"/api/referrals/cases?youngPersonId={youngPersonId}"));
        Assert.Equal("Closed", Assert.Single(cases.EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_front_door_decision_on_the_bus_opens_one_case_visible_through_the_gateway()
    {
        using var social = platform.Client("SocialWorker", "e2e-case-sw");
        using var registered = await social.PostAsJsonAsync("/api/referrals/young-people", new
        {
            givenName = "Dee", familyName = "Decided", dateOfBirth = "2011-07-07", gender = "Female", localArea = "Maltby",
        });
        var youngPersonId = (await JsonAsync(registered)).GetProperty("id").GetGuid();
        var decided = new ReferralDecided
        {
            ReferralId = Guid.NewGuid(), YoungPersonId = youngPersonId, Outcome = ReferralOutcome.CseCaseOpened, DecidedLate = false,
            RecordedBy = "e2e-front-door", RecordedByRole = "TeamManager", OccurredAt = DateTimeOffset.UtcNow,
        };

        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var bus = await TestBus.StartAsync();
        try
        {
            await bus.PublishAsync(decided, first);
            await bus.PublishAsync(decided, second);
        }
        finally
        {
            await bus.StopAsync();
        }
        var body = await Eventually.GetAsync(async () =>
        {
            var list = await JsonAsync(await social.GetAsync($"/api/referrals/cases?youngPersonId={youngPersonId}"));
            return list.GetArrayLength() > 0 ? list.GetRawText() : null;
        }, TimeSpan.FromSeconds(30), "a case to open from the referral decision");
        await platform.WaitForConsumedAsync("referrals", "cases.open-on-referral-decided", first);
        await platform.WaitForConsumedAsync("referrals", "cases.open-on-referral-decided", second);

        var cases = await JsonAsync(await social.GetAsync($"/api/referrals/cases?youngPersonId={youngPersonId}"));
        var @case = Assert.Single(cases.EnumerateArray());
        Assert.Equal(decided.ReferralId, @case.GetProperty("referralId").GetGuid());
        Assert.Equal("CSE", @case.GetProperty("leadTeam").GetString());
        Assert.Equal(JsonDocument.Parse(body).RootElement[0].GetProperty("id").GetGuid(), @case.GetProperty("id").GetGuid());
    }
}
