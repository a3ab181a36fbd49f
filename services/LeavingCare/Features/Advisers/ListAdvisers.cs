using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.LeavingCare.Data;

namespace Support.LeavingCare.Features.Advisers;

/// <summary>The registered personal advisers.</summary>
public static class ListAdvisers
{
    public static async Task<Ok<List<AdviserResponse>>> HandleAsync(LeavingCareDbContext db, CancellationToken cancellationToken)
    {
        var advisers = await db.Advisers.AsNoTracking().OrderBy(a => a.DisplayName).ToListAsync(cancellationToken);
        return TypedResults.Ok(advisers.Select(AdviserResponse.From).ToList());
    }
}
