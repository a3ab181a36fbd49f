using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.ServiceDefaults.Access;

namespace Support.Referrals.Features.SharingRelationships;

/// <summary>Every sharing relationship of one young person, ended ones included, newest first.</summary>
public static class ListSharingRelationships
{
    public static async Task<Results<Ok<IReadOnlyList<SharingRelationshipResponse>>, NotFound>> HandleAsync(
        Guid id, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.YoungPeople.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var now = clock.GetUtcNow();
        var rows = await db.Set<SharingRelationship>().AsNoTracking()
            .Where(r => r.YoungPersonId == id)
            .OrderByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SharingRelationshipResponse>>(rows.Select(r => SharingRelationshipResponse.From(r, now)).ToList());
    }
}
