using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Cases;
using Support.ServiceDefaults.Audit;

namespace Support.Referrals.Features.Cases;

public static class GetCase
{
    public static async Task<Results<Ok<CaseDetailResponse>, NotFound>> HandleAsync(
        Guid id, ReferralsDbContext db, IAccessLog accessLog, CancellationToken cancellationToken)
    {
        var @case = await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }
        var involved = await db.Set<InvolvedWorker>().AsNoTracking().Where(w => w.CaseId == id).OrderBy(w => w.From).ToListAsync(cancellationToken);
        var transfers = await db.Set<CaseTransfer>().AsNoTracking().Include(t => t.Decisions).Where(t => t.CaseId == id)
            .OrderBy(t => t.RequestedAt).ToListAsync(cancellationToken);
        await accessLog.RecordAsync(CaseEndpoints.SubjectType, [@case.YoungPersonId], AccessActions.Read, cancellationToken);
        return TypedResults.Ok(new CaseDetailResponse(
            CaseResponse.From(@case), involved.Select(InvolvedWorkerResponse.From).ToList(), transfers.Select(CaseTransferResponse.From).ToList()));
    }
}
