using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Missing.Data;
using Support.Missing.Features.Episodes;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Problems;

namespace Support.Missing.Features.AbductionNotices;

/// <summary>A young person's notices, latest served first, each saying whether it is in force (audited read).</summary>
public static class ListAbductionNotices
{
    /// <summary>A young person's notices, latest served first, active or not. Audited as a read (REC-08).</summary>
    public static async Task<Results<Ok<IReadOnlyList<AbductionNoticeEndpoints.NoticeResponse>>, ValidationProblem>> HandleAsync(
        Guid? youngPersonId, MissingDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (youngPersonId is null || youngPersonId == Guid.Empty)
        {
            return new ValidationErrors().Add("youngPersonId", "'youngPersonId' is required.").ToBadRequest();
        }
        var notices = await db.AbductionNotices.AsNoTracking()
            .Where(n => n.YoungPersonId == youngPersonId)
            .OrderByDescending(n => n.ServedAt).ThenByDescending(n => n.Id)
            .ToListAsync(cancellationToken);
        if (notices.Count > 0 || await db.KnownYoungPeople.AnyAsync(p => p.Id == youngPersonId, cancellationToken))
        {
            await accessLog.RecordAsync(EpisodeEndpoints.SubjectType, [youngPersonId.Value], AccessActions.Read, cancellationToken);
        }
        var now = clock.GetUtcNow();
        return TypedResults.Ok<IReadOnlyList<AbductionNoticeEndpoints.NoticeResponse>>(notices.Select(n => AbductionNoticeEndpoints.NoticeResponse.From(n, now)).ToList());
    }
}
