using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.OrganisedAbuse;

public static class GetYoungPersonLinks
{
    public static async Task<Ok<LinksResponse>> HandleAsync(Guid id, ReferralsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await LinksOfAsync(db, id, cancellationToken));

    internal static async Task<LinksResponse> LinksOfAsync(ReferralsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var links = await db.YoungPersonLinks.AsNoTracking().Where(l => l.YoungPersonId == id).OrderBy(l => l.RecordedAt).ToListAsync(cancellationToken);
        var networks = await db.OrganisedAbuseFlags.AsNoTracking().Where(f => f.YoungPersonId == id).Select(f => f.NetworkId).ToListAsync(cancellationToken);
        return new LinksResponse(id,
            links.Select(l => new LinkResponse(l.Id, l.YoungPersonId, l.Kind, l.Value, LondonTime.Of(l.RecordedAt), l.RecordedBy)).ToList(),
            networks.Count > 0 ? [OrganisedAbuseEndpoints.Flag] : [], networks);
    }
}
