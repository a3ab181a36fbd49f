using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Placements;
using Support.Referrals.Domain;
using Support.Referrals.Features.Placements;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Tests;

/// <summary>
/// Issue 14 and REF-27, the carer's journey: <c>GET /api/referrals/placements/mine</c> lists the children placed with the
/// signed-in carer now (never another carer's, never an ended placement), by preferred or given name and age, with the
/// setting, type, start and review-by date, and each child listed is an audited read. Only carers may ask.
/// </summary>
public sealed class CarerPlacementsTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private HttpClient Worker() => fixture.Host.ClientFor(Roles.SocialWorker, "sw-carer-placements");

    private DateOnly Today => CaseRequests.LondonDate(fixture.Clock.GetUtcNow());

    private static string NewCarer() => $"carer-{Guid.NewGuid():N}"[..20];

    private async Task<Guid> RegisterAsync(string givenName, string dateOfBirth, string? preferredName = null)
    {
        using var worker = Worker();
        var response = await worker.RegisterAsync(new
        {
            givenName, familyName = "Placed", preferredName, dateOfBirth, gender = "Female", ethnicity = "White British", localArea = "Eastwood",
        });
        return response.Id;
    }

    private async Task<PlacementResponse> PlaceAsync(Guid child, string setting, string? carer, string type = "FosterCare", DateOnly? reviewBy = null)
    {
        using var worker = Worker();
        using var response = await worker.PostAsJsonAsync("/api/referrals/placements", new
        {
            youngPersonId = child, type, reason = "AssessedNeed", setting, startedOn = Today, reviewBy,
            rationale = "Her own carers since she was 11.", carerUserId = carer,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<PlacementResponse>();
    }

    private async Task<List<ReadMyPlacements.CarerPlacement>> MineAsync(string carer)
    {
        using var client = fixture.Host.ClientFor(Roles.Carer, carer);
        return (await client.GetFromJsonAsync<List<ReadMyPlacements.CarerPlacement>>("/api/referrals/placements/mine", CaseRequests.Json))!;
    }

    [Fact]
    public async Task A_carer_sees_only_the_children_placed_with_them_now_and_not_another_carers_child_or_an_ended_placement()
    {
        var carer = NewCarer();
        var otherCarer = NewCarer();
        var bee = await RegisterAsync("Beatrice", "2011-03-04", preferredName: "Bee");
        var cara = await RegisterAsync("Cara", "2012-07-08");
        var notHers = await RegisterAsync("Dana", "2010-01-02");
        var ended = await RegisterAsync("Ella", "2010-05-06");
        var moved = await RegisterAsync("Fern", "2009-11-12");

        var beePlacement = await PlaceAsync(bee, "Mrs Dean", carer);
        var unit = $"Oak House {Guid.NewGuid():N}";
        var caraPlacement = await PlaceAsync(cara, unit, carer, type: "Residential", reviewBy: Today.AddDays(60));
        await PlaceAsync(notHers, "Mr Shaw", otherCarer);
        var endedPlacement = await PlaceAsync(ended, "Mrs Dean", carer);
        using (var worker = Worker())
        using (var ending = await worker.PostAsJsonAsync($"/api/referrals/placements/{endedPlacement.Id}/end", new { endedOn = Today, reason = "YoungPersonsWish" }))
        {
            Assert.Equal(HttpStatusCode.OK, ending.StatusCode);
        }
        // A move ends the placement with this carer too: the next one is with nobody who signs in.
        await PlaceAsync(moved, "Mrs Dean", carer);
        await PlaceAsync(moved, "Gran", carer: null, type: "Home");

        var mine = await MineAsync(carer);
        Assert.Equal(new[] { bee, cara }.Order(), mine.Select(m => m.YoungPersonId).Order());
        var first = mine.Single(m => m.YoungPersonId == bee);
        Assert.Equal((beePlacement.Id, "Bee", YoungPerson.AgeOn(new DateOnly(2011, 3, 4), Today), "Mrs Dean", PlacementType.FosterCare, Today, (DateOnly?)null),
            (first.PlacementId, first.Name, first.Age, first.Setting, first.Type, first.StartedOn, first.ReviewBy));
        var second = mine.Single(m => m.YoungPersonId == cara);
        Assert.Equal((caraPlacement.Id, "Cara", YoungPerson.AgeOn(new DateOnly(2012, 7, 8), Today), unit, PlacementType.Residential, (DateOnly?)Today.AddDays(60)),
            (second.PlacementId, second.Name, second.Age, second.Setting, second.Type, second.ReviewBy));

        Assert.Equal([notHers], (await MineAsync(otherCarer)).Select(m => m.YoungPersonId));
        Assert.Empty(await MineAsync(NewCarer()));

        // Each child listed is a read of their record by the carer, under the placement relationship (REC-08, REC-11).
        await using var db = fixture.CreateDbContext();
        var reads = await db.Set<AccessLogEntry>().Where(e => e.Actor == carer).ToListAsync();
        Assert.Equal(new[] { bee, cara }.Order(), reads.Select(e => e.SubjectId).Order());
        Assert.All(reads, e => Assert.Equal((AccessActions.Read, "/api/referrals/placements/mine"), (e.Action, e.Path)));
        Assert.All(reads, e => Assert.NotNull(e.SharedUnder));
    }

    [Fact]
    public async Task Only_a_carer_may_ask_which_children_are_placed_with_them_and_every_other_role_is_refused()
    {
        foreach (var role in Roles.All.Where(r => r != Roles.Carer))
        {
            using var client = fixture.Host.ClientFor(role, "not-a-carer");
            using var response = await client.GetAsync("/api/referrals/placements/mine");
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} got {(int)response.StatusCode}");
        }
    }
}
