using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Support.Missing.Features.Episodes;
using Support.Missing.Features.ReturnInterviews;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Missing.Tests.Api;

/// <summary>REC-08: every read of a child's missing record is in the access log, against the young person.</summary>
public sealed class AuditTests(MissingFixture fixture) : IClassFixture<MissingFixture>
{
    private async Task<List<AccessLogEntry>> LogOfAsync(Guid youngPersonId)
    {
        await using var db = fixture.CreateDbContext();
        return await db.Set<AccessLogEntry>().Where(e => e.SubjectId == youngPersonId).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task Reading_an_episode_a_list_of_episodes_and_an_interview_is_logged_against_the_young_person()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker, "sw-writer");
        var episode = await worker.ReportAsync(MissingRequests.Report(person, fixture.Now.AddHours(-3)));
        var returned = await worker.ReturnAsync(episode.Id, MissingRequests.Return(fixture.Now));
        Assert.Empty(await LogOfAsync(person));
        using var reader = fixture.Host.ClientFor(Roles.PoliceLiaison, "pc-reader");

        await reader.GetFromJsonAsync<EpisodeResponse>($"/api/missing/episodes/{episode.Id}", MissingFixture.Json);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await reader.GetFromJsonAsync<List<EpisodeResponse>>($"/api/missing/episodes?youngPersonId={person}", MissingFixture.Json);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await reader.GetFromJsonAsync<ReturnInterviewResponse>($"/api/missing/return-interviews/{returned.ReturnInterview!.Id}", MissingFixture.Json);

        var log = await LogOfAsync(person);
        Assert.Equal(3, log.Count);
        Assert.All(log, e => Assert.Equal((EpisodeEndpoints.SubjectType, AccessActions.Read, "pc-reader", Roles.PoliceLiaison),
            (e.SubjectType, e.Action, e.Actor, e.ActorRoles)));
        Assert.Equal(
            [$"/api/missing/episodes/{episode.Id}", "/api/missing/episodes", $"/api/missing/return-interviews/{returned.ReturnInterview.Id}"],
            log.Select(e => e.Path));
        Assert.Equal(TimeSpan.FromMinutes(2), log[2].At - log[0].At);
    }

    [Fact]
    public async Task A_carer_asking_for_a_list_that_names_a_child_not_placed_with_them_is_refused_and_the_refusal_logged()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var episode = await worker.ReportAsync(MissingRequests.Report(person, fixture.Now.AddHours(-3)));
        await worker.ReturnAsync(episode.Id, MissingRequests.Return(fixture.Now));
        fixture.Clock.Advance(TimeSpan.FromHours(80));
        using var carer = fixture.Host.ClientFor(Roles.Carer, "carer-list");

        // REC-11: a list is a read of every child on it, so a partner related to none of them gets none of it.
        using var overdue = await carer.GetAsync("/api/missing/return-interviews?overdue=true");
        using var episode403 = await carer.GetAsync($"/api/missing/episodes/{episode.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, overdue.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, episode403.StatusCode);
        var log = await LogOfAsync(person);
        Assert.Equal(2, log.Count(e => e.Actor == "carer-list" && e.Action == AccessActions.Refused));
        Assert.DoesNotContain(log, e => e.Actor == "carer-list" && e.Action != AccessActions.Refused);
    }

    [Fact]
    public async Task Appearing_in_the_overdue_list_is_logged_as_seen_in_a_list()
    {
        var person = await fixture.KnownYoungPersonAsync();
        using var worker = fixture.Host.ClientFor(Roles.SocialWorker);
        var episode = await worker.ReportAsync(MissingRequests.Report(person, fixture.Now.AddHours(-3)));
        await worker.ReturnAsync(episode.Id, MissingRequests.Return(fixture.Now));
        fixture.Clock.Advance(TimeSpan.FromHours(80));
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-list");

        var list = await manager.GetFromJsonAsync<List<OpenInterviewResponse>>("/api/missing/return-interviews?overdue=true", MissingFixture.Json);

        Assert.Contains(list!, i => i.YoungPersonId == person);
        var entry = Assert.Single(await LogOfAsync(person));
        Assert.Equal((AccessActions.SearchMatch, "tm-list"), (entry.Action, entry.Actor));
    }

    [Fact]
    public async Task A_read_of_an_unknown_episode_is_not_logged_against_anyone()
    {
        using var reader = fixture.Host.ClientFor(Roles.SocialWorker, "nobody-reader");

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/missing/episodes/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/missing/return-interviews/{Guid.NewGuid()}")).StatusCode);

        await using var db = fixture.CreateDbContext();
        Assert.False(await db.Set<AccessLogEntry>().AnyAsync(e => e.Actor == "nobody-reader"));
    }
}
