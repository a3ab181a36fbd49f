using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.CrossReferences;

namespace Support.Referrals.Features.CrossReferences;

/// <summary>REF-19: the adults this young person's records name, newest first, each with its source and the other young people linked to them (audited).</summary>
public static class ListAdultTags
{
    public static async Task<Ok<IReadOnlyList<AdultTagResponse>>> HandleAsync(Guid id, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        var tags = await db.Set<AdultTag>().AsNoTracking().Where(t => t.YoungPersonId == id)
            .OrderByDescending(t => t.RecordedAt).ThenBy(t => t.Id).Take(500).ToListAsync(cancellationToken);
        var others = await AdultTagResponse.OthersNamingAsync(db, id, [.. tags.Select(t => t.Value).Distinct()], cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AdultTagResponse>>([.. tags.Select(t => AdultTagResponse.From(t, others))]);
    }
}
