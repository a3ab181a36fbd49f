using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.LeavingCare.Data;

namespace Support.LeavingCare.Features.CareLeavers;

/// <summary>LC-06, COM-05: the young person's unmet needs recorded here, oldest first, each with whether and how it was met (an audited read).</summary>
public static class ListUnmetNeeds
{
    public static async Task<Results<Ok<IReadOnlyList<UnmetNeedResponse>>, NotFound, ForbidHttpResult>> HandleAsync(
        Guid id, ClaimsPrincipal user, LeavingCareDbContext db, CancellationToken cancellationToken)
    {
        if (await CareLeaverEndpoints.KnownAsync(db, id, cancellationToken) is not { } picture)
        {
            return TypedResults.NotFound();
        }
        if (!user.MayRecordUnmetNeedFor(picture))
        {
            return TypedResults.Forbid();
        }
        var needs = await (
                from n in db.UnmetNeeds.AsNoTracking()
                where n.YoungPersonId == id
                join m in db.UnmetNeedsMet.AsNoTracking() on n.Id equals m.UnmetNeedId into met
                from m in met.DefaultIfEmpty()
                orderby n.RefusedOn, n.RecordedAt
                select new { Need = n, Met = m })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<UnmetNeedResponse>>(
            [.. needs.Select(x => UnmetNeedResponse.From(x.Need, x.Met))]);
    }
}
