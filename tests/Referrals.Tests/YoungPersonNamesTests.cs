using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Tests;

/// <summary>
/// The dashboard's rows name the young person they are about: one request for the current names of every id listed,
/// each an audited read (REC-08), refused whole to a partner for a young person not shared with them (REC-11).
/// </summary>
public sealed class YoungPersonNamesTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private static string Names(params Guid[] ids) => "/api/referrals/young-people/names?" + string.Join('&', ids.Select(id => $"ids={id}"));

    [Fact]
    public async Task The_current_names_of_the_ids_asked_for_are_given_and_each_is_logged_as_a_read()
    {
        using var social = fixture.Host.ClientFor(Roles.SocialWorker, "sw-names");
        var first = await social.RegisterAsync(YoungPersonRequests.Valid("Namely", "Firstperson", "2010-04-04"));
        var second = await social.RegisterAsync(YoungPersonRequests.Valid("Misnamed", "Secondpersn", "2011-05-05"));
        using (var corrected = await social.PostAsJsonAsync($"/api/referrals/young-people/{second.Id}/corrections",
            new { details = YoungPersonRequests.Valid("Misnamed", "Secondperson", "2011-05-05"), reason = "Spelling" }))
        {
            Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        }
        using var manager = fixture.Host.ClientFor(Roles.TeamManager, "tm-names");
        // YoungPersonRequests.Valid gives everyone the preferred name Kay, which is the name they go by.

        var names = await manager.GetFromJsonAsync<List<JsonElement>>(Names(first.Id, second.Id, Guid.NewGuid(), first.Id));

        Assert.Equal(
            new Dictionary<Guid, string> { [first.Id] = "Kay Firstperson", [second.Id] = "Kay Secondperson" },
            names!.ToDictionary(n => n.GetProperty("id").GetGuid(), n => n.GetProperty("displayName").GetString()!));
        await using var db = fixture.CreateDbContext();
        var reads = await db.Set<AccessLogEntry>().Where(e => e.Actor == "tm-names").ToListAsync();
        Assert.Equal(new[] { first.Id, second.Id }.Order(), reads.Select(e => e.SubjectId).Order());
        Assert.All(reads, e => Assert.Equal(AccessActions.Read, e.Action));
    }

    [Theory]
    [InlineData("/api/referrals/young-people/names")]
    [InlineData("/api/referrals/young-people/names?ids=not-a-guid")]
    public async Task No_ids_or_an_unreadable_one_gives_400_naming_ids(string path)
    {
        using var manager = fixture.Host.ClientFor(Roles.TeamManager);

        using var response = await manager.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("ids", out _));
    }

    [Fact]
    public async Task More_than_two_hundred_ids_at_once_gives_400_naming_ids()
    {
        using var manager = fixture.Host.ClientFor(Roles.TeamManager);

        using var response = await manager.GetAsync(Names([.. Enumerable.Range(0, 201).Select(_ => Guid.NewGuid())]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("ids", out _));
    }

    [Fact]
    public async Task A_partner_is_refused_the_names_of_young_people_not_shared_with_them_and_a_commissioner_any()
    {
        using var social = fixture.Host.ClientFor(Roles.SocialWorker, "sw-names");
        var unshared = await social.RegisterAsync(YoungPersonRequests.Valid("Notyours", "Namesake", "2010-06-06"));
        using var carer = fixture.Host.ClientFor(Roles.Carer, "carer-names");

        using var refused = await carer.GetAsync(Names(unshared.Id));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("Notyours", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var commissioner = fixture.Host.ClientFor(Roles.Commissioner);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync(Names(unshared.Id))).StatusCode);
    }
}
