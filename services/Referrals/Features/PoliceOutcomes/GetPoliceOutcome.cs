using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;

namespace Support.Referrals.Features.PoliceOutcomes;

public static class GetPoliceOutcome
{
    public static async Task<Results<Ok<PoliceOutcomeResponse>, NotFound>> HandleAsync(
        Guid id, Guid outcomeId, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        var outcome = await db.PoliceOutcomes.AsNoTracking().SingleOrDefaultAsync(o => o.Id == outcomeId && o.YoungPersonId == id, cancellationToken);
        if (outcome is null)
        {
            return TypedResults.NotFound();
        }
        var correctedBy = await db.PoliceOutcomes.AsNoTracking()
            .Where(o => o.CorrectsId == outcomeId)
            .Select(o => (Guid?)o.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(PoliceOutcomeResponse.From(outcome, correctedBy));
    }
}
