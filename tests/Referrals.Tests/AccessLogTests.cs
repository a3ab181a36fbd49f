using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Features.YoungPeople;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Tests;

/// <summary>REC-08: every read of a child's record is written down, and a manager can see who looked.</summary>
public sealed class AccessLogTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    [Fact]
    public async Task Every_read_of_a_young_person_is_in_the_access_log_with_reader_roles_and_server_time()
    {
        using var writer = fixture.Host.ClientFor(Roles.SocialWorker, "sw-1");
        var person = await writer.RegisterAsync();
        using var police = fixture.Host.ClientFor(Roles.PoliceLiaison, "pc-44");

        await police.GetFromJsonAsync<YoungPersonResponse>($"/api/referrals/young-people/{person.Id}", YoungPersonRequests.Json);
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        await police.GetFromJsonAsync<YoungPersonResponse>($"/api/referrals/young-people/{person.Id}", YoungPersonRequests.Json);

        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-2");
        var log = await manager.GetFromJsonAsync<List<GetAccessLog.Entry>>($"/api/referrals/young-people/{person.Id}/access-log");
        var reads = log!.Where(e => e.Action == AccessActions.Read).ToList();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, e => Assert.Equal("pc-44", e.Actor));
        Assert.All(reads, e => Assert.Equal(Roles.PoliceLiaison, e.ActorRoles));
        Assert.Equal(TimeSpan.FromMinutes(5), reads[1].At.Utc - reads[0].At.Utc);
        Assert.All(reads, e => Assert.False(string.IsNullOrEmpty(e.CorrelationId)));
    }

    [Fact]
    public async Task A_read_of_an_unknown_id_is_not_logged_against_anyone()
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);
        var unknown = Guid.NewGuid();

        await client.GetAsync($"/api/referrals/young-people/{unknown}");

        await using var db = fixture.CreateDbContext();
        Assert.False(await db.Set<AccessLogEntry>().AnyAsync(e => e.SubjectId == unknown));
    }

    [Fact]
    public async Task Appearing_in_search_results_is_logged_as_a_search_match()
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker, "searcher");
        var person = await client.RegisterAsync(YoungPersonRequests.Valid("Zainab", "Quarry", "2009-08-08"));

        await client.GetFromJsonAsync<List<FindYoungPeople.Match>>("/api/referrals/young-people?name=quarry");

        await using var db = fixture.CreateDbContext();
        var entry = await db.Set<AccessLogEntry>().SingleAsync(e => e.SubjectId == person.Id);
        Assert.Equal(AccessActions.SearchMatch, entry.Action);
        Assert.Equal("searcher", entry.Actor);
    }

    [Fact]
    public async Task The_access_log_cannot_be_edited_or_deleted_in_the_database()
    {
        using var client = fixture.Host.ClientFor(Roles.SocialWorker);
        var person = await client.RegisterAsync();
        await client.GetAsync($"/api/referrals/young-people/{person.Id}");
        await using var db = fixture.CreateDbContext();

        var update = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"UPDATE referrals.access_log SET actor = 'nobody' WHERE subject_id = {person.Id}"));
        var delete = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"DELETE FROM referrals.access_log WHERE subject_id = {person.Id}"));

        Assert.Contains("append-only", update.MessageText, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.MessageText, StringComparison.Ordinal);
    }
}
