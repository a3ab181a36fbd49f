using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;

namespace Support.LeavingCare.Features.Advisers;

/// <summary>The registered personal advisers, with their provider now and every change of provider (LC-07).</summary>
public static class ListAdvisers
{
    public static async Task<Ok<List<AdviserResponse>>> HandleAsync(LeavingCareDbContext db, CancellationToken cancellationToken)
    {
        var advisers = await db.Advisers.AsNoTracking().OrderBy(a => a.DisplayName).ToListAsync(cancellationToken);
        var changes = (await db.Set<AdviserProviderChange>().AsNoTracking().ToListAsync(cancellationToken)).ToLookup(c => c.AdviserId);
        return TypedResults.Ok(advisers.Select(a => AdviserResponse.From(a, [.. changes[a.Id]])).ToList());
    }
}
