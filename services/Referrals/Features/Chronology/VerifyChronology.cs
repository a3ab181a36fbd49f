using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Chronology;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Chronology;

/// <summary>Recomputes a young person's hash chain from the stored rows (REC-04): an edited or removed entry is reported.</summary>
public static class VerifyChronology
{
    public sealed record Response(
        Guid YoungPersonId, bool Intact, int Entries, int LastSequence, int? FirstBrokenSequence, string? Problem, LondonTime CheckedAt);

    public static async Task<Results<Ok<Response>, NotFound>> HandleAsync(
        Guid id, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var entries = await db.ChronologyEntries.AsNoTracking().Where(e => e.YoungPersonId == id)
            .OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var head = await db.ChronologyHeads.AsNoTracking().SingleOrDefaultAsync(h => h.YoungPersonId == id, cancellationToken);
        if (entries.Count == 0 && head is null && !await db.YoungPeople.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var result = ChronologyVerification.Check(entries, head);
        return TypedResults.Ok(new Response(
            id, result.Intact, result.Entries, result.LastSequence, result.FirstBrokenSequence, result.Problem, LondonTime.Of(clock.GetUtcNow())));
    }
}
