using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;

namespace Support.Referrals.Features.YoungPeople;

public static class GetYoungPerson
{
    public static async Task<Results<Ok<YoungPersonResponse>, NotFound>> HandleAsync(
        Guid id, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        var person = await db.YoungPeople.AsNoTracking().Include(p => p.Details)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return person is null ? TypedResults.NotFound() : TypedResults.Ok(YoungPersonResponse.From(person));
    }
}
