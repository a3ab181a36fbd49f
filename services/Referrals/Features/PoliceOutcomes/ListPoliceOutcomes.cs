using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;

namespace Support.Referrals.Features.PoliceOutcomes;

public static class ListPoliceOutcomes
{
    public static async Task<Results<Ok<IReadOnlyList<PoliceOutcomeResponse>>, NotFound>> HandleAsync(
        Guid id, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        // An unknown young person is a 404, so the access log never records a read of someone who does not exist.
        if (!await db.YoungPeople.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        // Newest first: a correction is always newer than what it corrects, so both are in the same page.
        var outcomes = await db.PoliceOutcomes.AsNoTracking()
            .Where(o => o.YoungPersonId == id)
            .OrderByDescending(o => o.RecordedAt).ThenByDescending(o => o.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        var correctedBy = outcomes.Where(o => o.CorrectsId is not null).ToDictionary(o => o.CorrectsId!.Value, o => o.Id);
        return TypedResults.Ok<IReadOnlyList<PoliceOutcomeResponse>>(outcomes
            .Select(o => PoliceOutcomeResponse.From(o, correctedBy.TryGetValue(o.Id, out var by) ? by : null))
            .ToList());
    }
}
