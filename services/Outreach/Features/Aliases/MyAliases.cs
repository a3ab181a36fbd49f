using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Outreach.Data;
using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Features.Aliases;

/// <summary>
/// OUT-02: the aliases the signed-in worker recorded, newest first, with their match: the worker's own street caseload
/// for the phone screen. No contacts and no audited read: a matched alias names only the young person's id here.
/// </summary>
public static class MyAliases
{
    public static async Task<Ok<List<AliasResponse>>> HandleAsync(ClaimsPrincipal user, OutreachDbContext db, CancellationToken cancellationToken)
    {
        var me = user.UserId();
        var aliases = await db.Aliases.AsNoTracking().Where(a => a.RecordedBy == me)
            .OrderByDescending(a => a.RecordedAt).Take(200).ToListAsync(cancellationToken);
        var ids = aliases.Select(a => a.Id).ToList();
        var matches = await db.AliasMatches.AsNoTracking().Where(m => ids.Contains(m.AliasId)).ToDictionaryAsync(m => m.AliasId, cancellationToken);
        return TypedResults.Ok(aliases.Select(a => AliasResponse.From(a, matches.GetValueOrDefault(a.Id))).ToList());
    }
}
