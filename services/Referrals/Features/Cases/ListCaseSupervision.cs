using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Cases;
using Support.ServiceDefaults.Audit;

namespace Support.Referrals.Features.Cases;

/// <summary>REF-18: a case's supervision entries, read back.</summary>
public static class ListCaseSupervision
{
    /// <summary>The case's supervision entries, latest first (audited).</summary>
    public static async Task<Results<Ok<List<RecordSupervision.SupervisionResponse>>, NotFound>> ListAsync(
        Guid id, ReferralsDbContext db, IAccessLog accessLog, CancellationToken cancellationToken)
    {
        var @case = await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }
        var entries = await db.CaseSupervisions.AsNoTracking().Where(s => s.CaseId == id)
            .OrderByDescending(s => s.OccurredAt).Take(200).ToListAsync(cancellationToken);
        await accessLog.RecordAsync(CaseEndpoints.SubjectType, [@case.YoungPersonId], AccessActions.Read, cancellationToken);
        return TypedResults.Ok(entries.Select(RecordSupervision.SupervisionResponse.From).ToList());
    }
}
