using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Cases;
using Support.Referrals.Domain.Cases;
using Support.Referrals.Features.Cases;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Tests;

/// <summary>REF-06, REF-24: one open case per young person, exactly one lead team, one key worker at a time with history.</summary>
public sealed class CaseAllocationTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private HttpClient Worker() => fixture.Host.ClientFor(Roles.SocialWorker, "sw-case");
    private HttpClient Manager(string user = "tm-case") => fixture.Host.ClientFor(Roles.TeamManager, user);

    private async Task<GetAllocations.AllocationsResponse> AllocationsAsync(HttpClient client, Guid caseId, DateOnly on) =>
        (await client.GetFromJsonAsync<GetAllocations.AllocationsResponse>($"/api/referrals/cases/{caseId}/allocations?on={on:yyyy-MM-dd}", CaseRequests.Json))!;

    [Fact]
    public async Task A_key_worker_allocation_with_a_back_dated_valid_from_is_refused_naming_it_never_silently_ignored()
    {
        using var worker = Worker();
        using var manager = Manager();
        var @case = await worker.OpenCaseAsync(await worker.RegisterChildAsync());

        // Allocations run from the moment they are recorded (the server's time); a typed start date is not honoured,
        // so it is refused rather than dropped (issue 15 item 5).
        using var backDated = await manager.PostAsJsonAsync($"/api/referrals/cases/{@case.Id}/key-worker", new { keyWorker = "sw-carol", validFrom = "2026-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, backDated.StatusCode);
        Assert.Contains("validFrom", await backDated.ErrorFieldsAsync());
        Assert.Null((await (await worker.GetAsync($"/api/referrals/cases/{@case.Id}")).ReadAsync<CaseDetailResponse>()).Case.KeyWorker);
    }

    [Fact]
    public async Task A_new_key_worker_ends_the_previous_allocation_at_the_same_instant_and_the_history_answers_by_date()
    {
        using var worker = Worker();
        using var manager = Manager();
        var @case = await worker.OpenCaseAsync(await worker.RegisterChildAsync());
        Assert.Null(@case.KeyWorker);

        (await manager.PostAsJsonAsync($"/api/referrals/cases/{@case.Id}/key-worker", new { keyWorker = "sw-alice" })).EnsureSuccessStatusCode();
        var firstDay = CaseRequests.LondonDate(fixture.Clock.GetUtcNow());
        fixture.Clock.Advance(TimeSpan.FromDays(2));
        var switchedAt = fixture.Clock.GetUtcNow();
        using var second = await manager.PostAsJsonAsync($"/api/referrals/cases/{@case.Id}/key-worker", new { keyWorker = "sw-bob" });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("sw-bob", (await second.ReadAsync<CaseResponse>()).KeyWorker);

        var onFirstDay = await AllocationsAsync(worker, @case.Id, firstDay);
        Assert.Equal(["sw-alice"], onFirstDay.KeyWorkers.Select(k => k.Holder));
        Assert.Equal(["CSE"], onFirstDay.LeadTeams.Select(t => t.Team));
        var onSwitchDay = await AllocationsAsync(worker, @case.Id, firstDay.AddDays(2));
        Assert.Equal(["sw-alice", "sw-bob"], onSwitchDay.KeyWorkers.Select(k => k.Holder));
        Assert.Equal(switchedAt, onSwitchDay.KeyWorkers[0].ValidTo?.Utc);
        Assert.Equal(switchedAt, onSwitchDay.KeyWorkers[1].ValidFrom.Utc);
        Assert.Null(onSwitchDay.KeyWorkers[1].ValidTo);
        var later = await AllocationsAsync(worker, @case.Id, firstDay.AddDays(3));
        Assert.Equal(["sw-bob"], later.KeyWorkers.Select(k => k.Holder));

        var announced = await fixture.OutboxAsync<KeyWorkerAssigned>(m => m.CaseId == @case.Id);
        Assert.Equal([(null, "sw-alice"), ("sw-alice", "sw-bob")], announced.OrderBy(m => m.OccurredAt).Select(m => (m.PreviousKeyWorker, m.KeyWorker)));
        Assert.All(announced, m => Assert.Equal("tm-case", m.RecordedBy));
    }

    [Fact]
    public async Task Two_first_allocations_racing_cannot_give_a_case_two_key_workers()
    {
        using var worker = Worker();
        var @case = await worker.OpenCaseAsync(await worker.RegisterChildAsync());
        using var one = Manager("tm-one");
        using var two = Manager("tm-two");

        var responses = await Task.WhenAll(
            one.PostAsJsonAsync($"/api/referrals/cases/{@case.Id}/key-worker", new { keyWorker = "sw-x" }),
            two.PostAsJsonAsync($"/api/referrals/cases/{@case.Id}/key-worker", new { keyWorker = "sw-y" }));

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        await using var db = fixture.CreateDbContext();
        var current = await db.Set<KeyWorkerAllocation>().Where(a => a.CaseId == @case.Id).ToListAsync();
        Assert.Equal(responses.Count(r => r.StatusCode == HttpStatusCode.OK), current.Count);
        Assert.Single(current, a => a.PreviousAllocationId == null);
    }

    [Fact]
    public async Task Assigning_a_key_worker_to_a_closed_case_is_a_409_naming_the_case_state()
    {
        using var worker = Worker();
        using var manager = Manager();
        var @case = await worker.OpenCaseAsync(await worker.RegisterChildAsync());
        (await manager.CloseAsync(@case.Id)).EnsureSuccessStatusCode();

        using var response = await manager.PostAsJsonAsync($"/api/referrals/cases/{@case.Id}/key-worker", new { keyWorker = "sw-late" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("Closed", problem.GetProperty("caseStatus").GetString());
        Assert.Contains("Closed", problem.GetProperty("title").GetString());
        await using var db = fixture.CreateDbContext();
        Assert.False(await db.Set<KeyWorkerAllocation>().AnyAsync(a => a.CaseId == @case.Id));
    }

    [Fact]
    public async Task A_young_person_has_at_most_one_open_case_and_a_closed_case_is_reopened_only_as_a_new_case()
    {
        using var worker = Worker();
        using var manager = Manager();
        var person = await worker.RegisterChildAsync();
        var first = await worker.OpenCaseAsync(person);

        using var second = await worker.PostAsJsonAsync("/api/referrals/cases", CaseRequests.Open(person, "Assessment"));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(first.Id, (await second.ProblemAsync()).GetProperty("openCaseId").GetGuid());

        (await manager.CloseAsync(first.Id)).EnsureSuccessStatusCode();
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        var reopened = await worker.OpenCaseAsync(person);
        Assert.NotEqual(first.Id, reopened.Id);

        var cases = (await worker.GetFromJsonAsync<List<CaseResponse>>($"/api/referrals/cases?youngPersonId={person}", CaseRequests.Json))!;
        Assert.Equal([(reopened.Id, CaseStatus.Open), (first.Id, CaseStatus.Closed)], cases.Select(c => (c.Id, c.Status)));
        Assert.NotNull(cases[1].ClosedAt);
        var opened = await fixture.OutboxAsync<CaseOpened>(m => m.YoungPersonId == person);
        Assert.Equal(2, opened.Count);
    }

    [Fact]
    public async Task Opening_a_case_names_a_criterion_of_a_known_version_and_a_registered_young_person()
    {
        using var worker = Worker();
        var person = await worker.RegisterChildAsync();

        using var badVersion = await worker.PostAsJsonAsync("/api/referrals/cases", CaseRequests.Open(person, version: "1999.9"));
        using var badCriterion = await worker.PostAsJsonAsync("/api/referrals/cases", CaseRequests.Open(person, criterion: "GutFeeling"));
        using var unknownPerson = await worker.PostAsJsonAsync("/api/referrals/cases", CaseRequests.Open(Guid.NewGuid()));
        using var missing = await worker.PostAsJsonAsync("/api/referrals/cases", new { youngPersonId = person });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, badVersion.StatusCode);
        Assert.Equal(["criteriaVersion"], (await badVersion.ProblemAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["allocationCriterion"], (await badCriterion.ProblemAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["youngPersonId"], (await unknownPerson.ProblemAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(["allocationCriterion", "criteriaVersion", "leadTeam"],
            (await missing.ProblemAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task The_team_manager_of_a_team_on_a_date_comes_from_the_assignment_history()
    {
        using var senior = fixture.Host.ClientFor(Roles.SeniorManager, "sm-1");
        using var worker = Worker();
        const string team = "CSE-North";
        (await senior.PostAsJsonAsync($"/api/referrals/teams/{team}/manager", new { manager = "tm-first" })).EnsureSuccessStatusCode();
        var firstDay = CaseRequests.LondonDate(fixture.Clock.GetUtcNow());
        var @case = await worker.OpenCaseAsync(await worker.RegisterChildAsync(), team);
        fixture.Clock.Advance(TimeSpan.FromDays(3));
        (await senior.PostAsJsonAsync($"/api/referrals/teams/{team}/manager", new { manager = "tm-second" })).EnsureSuccessStatusCode();

        async Task<List<string>> ManagersOn(DateOnly day) =>
            (await worker.GetFromJsonAsync<TeamManagers.TeamManagersResponse>($"/api/referrals/teams/{team}/manager?on={day:yyyy-MM-dd}", CaseRequests.Json))!
                .Managers.Select(m => m.Holder).ToList();
        Assert.Equal(["tm-first"], await ManagersOn(firstDay));
        Assert.Equal(["tm-first"], await ManagersOn(firstDay.AddDays(2)));
        Assert.Equal(["tm-first", "tm-second"], await ManagersOn(firstDay.AddDays(3)));
        Assert.Equal(["tm-second"], await ManagersOn(firstDay.AddDays(4)));
        Assert.Empty(await ManagersOn(firstDay.AddDays(-1)));

        Assert.Equal(["tm-first"], (await AllocationsAsync(worker, @case.Id, firstDay.AddDays(1))).TeamManagers.Select(m => m.Holder));
        Assert.Equal(["tm-second"], (await AllocationsAsync(worker, @case.Id, firstDay.AddDays(5))).TeamManagers.Select(m => m.Holder));

        using var social = fixture.Host.ClientFor(Roles.SocialWorker, "sw-ambitious");
        Assert.Equal(HttpStatusCode.Forbidden, (await social.PostAsJsonAsync($"/api/referrals/teams/{team}/manager", new { manager = "sw-ambitious" })).StatusCode);
    }

    [Fact]
    public async Task Other_workers_are_involved_workers_with_a_role_not_key_workers()
    {
        using var worker = Worker();
        using var manager = Manager();
        var @case = await worker.OpenCaseAsync(await worker.RegisterChildAsync());
        (await manager.PostAsJsonAsync($"/api/referrals/cases/{@case.Id}/key-worker", new { keyWorker = "sw-key" })).EnsureSuccessStatusCode();

        using var added = await worker.PostAsJsonAsync($"/api/referrals/cases/{@case.Id}/involved-workers", new { worker = "ow-riley", role = "OutreachWorker" });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var detail = (await worker.GetFromJsonAsync<CaseDetailResponse>($"/api/referrals/cases/{@case.Id}", CaseRequests.Json))!;
        Assert.Equal("sw-key", detail.Case.KeyWorker);
        Assert.Equal([("ow-riley", "OutreachWorker")], detail.InvolvedWorkers.Select(w => (w.Worker, w.Role)));
    }

    [Fact]
    public async Task History_rows_cannot_be_changed_in_the_database()
    {
        using var worker = Worker();
        using var manager = Manager();
        var @case = await worker.OpenCaseAsync(await worker.RegisterChildAsync());
        (await manager.PostAsJsonAsync($"/api/referrals/cases/{@case.Id}/key-worker", new { keyWorker = "sw-key" })).EnsureSuccessStatusCode();

        await using var db = fixture.CreateDbContext();
        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            db.Database.ExecuteSqlInterpolatedAsync($"UPDATE referrals.key_worker_allocations SET key_worker = 'someone-else' WHERE case_id = {@case.Id}"));
        Assert.Contains("append-only", error.Message);
    }

    [Fact]
    public async Task Commissioners_cannot_open_or_read_cases()
    {
        using var commissioner = fixture.Host.ClientFor(Roles.Commissioner, "comm");
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.PostAsJsonAsync("/api/referrals/cases", CaseRequests.Open(Guid.NewGuid()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync($"/api/referrals/cases?youngPersonId={Guid.NewGuid()}")).StatusCode);
    }
}
