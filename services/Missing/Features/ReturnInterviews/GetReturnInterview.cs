using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Missing.Data;
using Support.Missing.Domain;
using Support.Missing.Features.Episodes;
using Support.ServiceDefaults.Audit;

namespace Support.Missing.Features.ReturnInterviews;

/// <summary>One interview with its findings and history. A read of the young person's record, so it is audited (REC-08).</summary>
public static class GetReturnInterview
{
    public static async Task<Results<Ok<ReturnInterviewResponse>, NotFound>> HandleAsync(
        Guid id, MissingDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var interview = await db.ReturnInterviews.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (interview is null)
        {
            return TypedResults.NotFound();
        }
        await accessLog.RecordAsync(EpisodeEndpoints.SubjectType, [interview.YoungPersonId], AccessActions.Read, cancellationToken);
        var options = await db.Set<DisruptionOption>().AsNoTracking().Where(o => o.InterviewId == id).ToListAsync(cancellationToken);
        return TypedResults.Ok(ReturnInterviewResponse.From(interview, clock.GetUtcNow(), options));
    }
}
