using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.ServiceDefaults.Audit;

namespace Support.Referrals.Features.UnmetNeeds;

/// <summary>
/// COM-05: the unmet needs Referrals recorded for a young person, oldest first, each with whether, when and how it was
/// met; those still unmet are what the child's workers are yet to find. Audited as a read of the record.
/// </summary>
public static class ListUnmetNeeds
{
    public static async Task<Results<Ok<List<UnmetNeedResponse>>, NotFound>> HandleAsync(
        Guid id, ReferralsDbContext db, IAccessLog accessLog, CancellationToken cancellationToken)
    {
        if (await db.DateOfBirthOfAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }
        var needs = await db.UnmetNeeds.AsNoTracking().Where(n => n.YoungPersonId == id)
            .OrderBy(n => n.RecordedAt).ThenBy(n => n.Id)
            .Select(n => new { Need = n, Met = db.UnmetNeedsMet.SingleOrDefault(m => m.UnmetNeedId == n.Id) })
            .ToListAsync(cancellationToken);
        await accessLog.RecordAsync(UnmetNeedEndpoints.SubjectType, [id], AccessActions.Read, cancellationToken);
        return TypedResults.Ok(needs.Select(n => UnmetNeedResponse.From(n.Need, n.Met)).ToList());
    }
}
