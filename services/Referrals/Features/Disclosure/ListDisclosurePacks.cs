using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Referrals.Data;
using Support.ServiceDefaults.Audit;

namespace Support.Referrals.Features.Disclosure;

/// <summary>
/// The packs made of one young person's record, newest first, as manifests (counts, checksums, which services' parts
/// are still awaited), so an auditor returns to a pack to redact it or to answer a request with it. Every pack's parts
/// are read in one query. Audited as a read.
/// </summary>
public static class ListDisclosurePacks
{
    public const int MaxPacks = 50;

    public static async Task<Results<Ok<IReadOnlyList<DisclosurePackManifest>>, NotFound>> HandleAsync(
        Guid id, ReferralsDbContext db, IAccessLog accessLog, IOptions<DisclosureOptions> options, CancellationToken cancellationToken)
    {
        if (!await db.YoungPeople.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var packs = await db.DisclosurePacks.AsNoTracking().Where(p => p.YoungPersonId == id)
            .OrderByDescending(p => p.CreatedAt).Take(MaxPacks).ToListAsync(cancellationToken);
        var ids = packs.Select(p => p.Id).ToList();
        var parts = (await db.PackContributions.AsNoTracking().Where(c => ids.Contains(c.PackId)).ToListAsync(cancellationToken)).ToLookup(c => c.PackId);
        var manifests = packs.Select(pack => DisclosurePackManifest.From(pack, PackContents.Of(pack, parts[pack.Id], options.Value))).ToList();
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, [id], AccessActions.Read, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DisclosurePackManifest>>(manifests);
    }
}
