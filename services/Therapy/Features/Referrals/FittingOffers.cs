using Microsoft.EntityFrameworkCore;
using Support.Therapy.Data;
using Support.Therapy.Features.Providers;

namespace Support.Therapy.Features.Referrals;

/// <summary>
/// THR-01, THR-06: the offers that could meet a need a decline left unmet: funded today, open to the young person's
/// age (no upper age unless the offer sets one, THR-05), other than the one that declined; those with places left first.
/// </summary>
public static class FittingOffers
{
    public static async Task<List<FittingOffer>> FindAsync(TherapyDbContext db, int? age, Guid excludingOfferId, DateOnly today, CancellationToken cancellationToken)
    {
        var offers = await db.Offers.AsNoTracking().Where(o => o.Id != excludingOfferId).ToListAsync(cancellationToken);
        var providers = await db.Providers.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var used = await ListOffers.CapacityUsedAsync(db, cancellationToken);
        return [.. offers
            .Where(o => o.FundedOn(today) && (age is null || o.Admits(age.Value)))
            .Select(o => new FittingOffer(o.Id, o.Name, o.Type.ToString(), providers[o.ProviderId], [.. o.Settings.Select(s => s.ToString())],
                Math.Max(0, o.CommissionedCapacity - used.GetValueOrDefault(o.Id))))
            .OrderByDescending(o => o.CapacityRemaining > 0).ThenBy(o => o.Name)];
    }
}
