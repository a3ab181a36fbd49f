using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Placements;
using Support.Testing;

namespace Support.LeavingCare.Tests;

/// <summary>
/// LC-01: the handover pack contains the placement. Referrals announces placements (REF-26); the pack lists each one,
/// newest first, with how it ended when it ended on its own, and a placement marks the young person looked after.
/// </summary>
public sealed class PlacementPictureTests(LeavingCareFixture fixture) : IClassFixture<LeavingCareFixture>
{
    private async Task<List<string>> PlacementLabelsAsync(Guid id)
    {
        using var manager = fixture.Client("TeamManager", "tm-placements");
        var record = await manager.GetFromJsonAsync<JsonElement>($"/api/leavingcare/young-people/{id}/leaving-care");
        return [.. record.GetProperty("pack").GetProperty("placements").EnumerateArray().Select(p => p.GetProperty("label").GetString()!)];
    }

    [Fact]
    public async Task Each_placement_reaches_the_handover_pack_newest_first_and_marks_the_young_person_looked_after()
    {
        var id = await fixture.RegisterAsync(fixture.BornToTurn18In(200));
        Assert.Empty(await PlacementLabelsAsync(id));
        await using (var before = fixture.CreateDbContext())
        {
            Assert.False((await before.Pictures.SingleAsync(p => p.YoungPersonId == id)).LookedAfter);
        }
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var started = new PlacementStarted
        {
            PlacementId = first, YoungPersonId = id, Type = PlacementType.Residential, Reason = PlacementReason.AssessedNeed, Setting = "Oak House",
            StartedOn = new DateOnly(2026, 9, 1), ReviewBy = new DateOnly(2026, 11, 30), RecordedBy = "sw-1", OccurredAt = fixture.Now.AddDays(-60),
        };
        await fixture.PublishAsync(started);
        await Eventually.GetAsync(async () => await PlacementLabelsAsync(id) is { Count: 1 } one ? one : null, TimeSpan.FromSeconds(30), "the placement to reach the pack");
        await fixture.PublishAsync(started); // redelivered later: still one fact
        await fixture.PublishAsync(new PlacementStarted
        {
            PlacementId = second, YoungPersonId = id, Type = PlacementType.SpecialistFosterCare, Reason = PlacementReason.PlacementBreakdown,
            Setting = "The Ashworths", StartedOn = new DateOnly(2026, 10, 15), PreviousPlacementId = first, RecordedBy = "sw-1", OccurredAt = fixture.Now.AddDays(-10),
        });
        await fixture.PublishAsync(new PlacementEnded
        {
            PlacementId = second, YoungPersonId = id, Reason = PlacementReason.YoungPersonsWish, EndedOn = new DateOnly(2026, 11, 20),
            RecordedBy = "sw-1", OccurredAt = fixture.Now.AddDays(-1),
        });

        var labels = await Eventually.GetAsync(async () => await PlacementLabelsAsync(id) is { Count: 2 } both && both[0].Contains("ended") ? both : null,
            TimeSpan.FromSeconds(30), "both placements and the ending to reach the pack");
        Assert.Equal(
        [
            "SpecialistFosterCare at The Ashworths from 2026-10-15 (PlacementBreakdown); ended 2026-11-20 (YoungPersonsWish)",
            "Residential at Oak House from 2026-09-01 (AssessedNeed), review by 2026-11-30",
        ], labels);
        await using var after = fixture.CreateDbContext();
        Assert.True((await after.Pictures.SingleAsync(p => p.YoungPersonId == id)).LookedAfter, "a placement marks the young person looked after");
    }
}
