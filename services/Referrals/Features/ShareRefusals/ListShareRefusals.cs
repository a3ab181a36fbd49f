using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Escalations;
using Support.Referrals.Data;
using Support.Referrals.Domain.Escalations;

namespace Support.Referrals.Features.ShareRefusals;

/// <summary>REC-11: the refusals to share information about one young person, newest first, each with its escalations (audited).</summary>
public static class ListShareRefusals
{
    public static async Task<Results<Ok<IReadOnlyList<ShareRefusalView>>, NotFound>> HandleAsync(
        Guid id, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.YoungPeople.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var refusals = await db.Set<ShareRefusal>().AsNoTracking().Where(r => r.YoungPersonId == id)
            .OrderByDescending(r => r.RecordedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var escalations = (await db.Set<ProfessionalEscalation>().AsNoTracking()
                .Where(e => e.YoungPersonId == id && e.DecisionKind == EscalatedDecisionKind.ShareRefusal)
                .Select(e => new { e.Id, e.DecisionReference, e.LodgedAt })
                .ToListAsync(cancellationToken))
            .OrderBy(e => e.LodgedAt).ToLookup(e => e.DecisionReference, e => e.Id);
        return TypedResults.Ok<IReadOnlyList<ShareRefusalView>>([.. refusals.Select(r => ShareRefusalView.From(r, [.. escalations[r.Reference]]))]);
    }
}
