using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Therapy.Data;
using Support.Therapy.Domain;

namespace Support.Therapy.Features.Referrals;

public static class ListReferrals
{
    public static async Task<Results<Ok<List<TherapyReferralResponse>>, NotFound>> ForYoungPersonAsync(Guid id, TherapyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.KnownYoungPeople.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.YoungPersonId == id).OrderBy(r => r.ReferredAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(referrals.Select(r => TherapyReferralResponse.Of(r, clock.GetUtcNow())).ToList());
    }

    /// <summary>THR-02: the provider's list for one offer, open and accepted, longest waiting first.</summary>
    public static async Task<Results<Ok<List<TherapyReferralResponse>>, NotFound>> ForOfferAsync(Guid offerId, TherapyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.Offers.AnyAsync(o => o.Id == offerId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => r.OfferId == offerId && (r.Status == TherapyReferralStatus.Open || r.Status == TherapyReferralStatus.Accepted && r.EpisodeClosedAt == null))
            .OrderBy(r => r.ReferredAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(referrals.Select(r => TherapyReferralResponse.Of(r, clock.GetUtcNow())).ToList());
    }
}
