using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.ServiceDefaults.Audit;

namespace Support.Referrals.Features.S47Pathways;

public static class GetS47Pathway
{
    public static async Task<Results<Ok<S47PathwayResponse>, NotFound>> HandleAsync(
        Guid id, ReferralsDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var pathway = await db.S47Pathways.AsNoTracking().Include(p => p.Transitions).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (pathway is null)
        {
            return TypedResults.NotFound();
        }
        await accessLog.RecordAsync(S47PathwayEndpoints.SubjectType, [pathway.YoungPersonId], AccessActions.Read, cancellationToken);
        return TypedResults.Ok(S47PathwayResponse.From(pathway, clock.GetUtcNow()));
    }
}
