using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Time;
using Support.Therapy.Data;
using Support.Therapy.Domain;

namespace Support.Therapy.Features.Providers;

public static class ListOffers
{
    public static async Task<Ok<List<OfferResponse>>> HandleAsync(TherapyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = London.Today(clock);
        var offers = await db.Offers.AsNoTracking().OrderBy(o => o.Name).ToListAsync(cancellationToken);
        var providers = await db.Providers.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var used = await CapacityUsedAsync(db, cancellationToken);
        return TypedResults.Ok(offers.Select(o => OfferResponse.Of(o, providers[o.ProviderId], used.GetValueOrDefault(o.Id), today)).ToList());
    }

    /// <summary>Capacity used per offer (THR-09): referrals accepted onto it, not since withdrawn, whose episode is still open (THR-05). Computed, never typed.</summary>
    public static async Task<Dictionary<Guid, int>> CapacityUsedAsync(TherapyDbContext db, CancellationToken cancellationToken) =>
        await db.Referrals.AsNoTracking().Where(r => r.Status == TherapyReferralStatus.Accepted && r.EpisodeClosedAt == null)
            .GroupBy(r => r.OfferId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}
