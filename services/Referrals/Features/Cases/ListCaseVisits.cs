using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Cases;
using Support.ServiceDefaults.Audit;

namespace Support.Referrals.Features.Cases;

/// <summary>REF-23: a case's visits, read back.</summary>
public static class ListCaseVisits
{
    /// <summary>The case's visits and contacts, latest first (at most 200), audited as a read of the child's record.</summary>
    public static async Task<Results<Ok<List<RecordCaseVisit.VisitResponse>>, NotFound>> ListAsync(
        Guid id, ReferralsDbContext db, IAccessLog accessLog, CancellationToken cancellationToken)
    {
        var @case = await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }
        var visits = await db.CaseVisits.AsNoTracking().Where(v => v.CaseId == id)
            .OrderByDescending(v => v.OccurredAt).ThenByDescending(v => v.RecordedAt).Take(200).ToListAsync(cancellationToken);
        await accessLog.RecordAsync(CaseEndpoints.SubjectType, [@case.YoungPersonId], AccessActions.Read, cancellationToken);
        return TypedResults.Ok(visits.Select(RecordCaseVisit.From).ToList());
    }
}
