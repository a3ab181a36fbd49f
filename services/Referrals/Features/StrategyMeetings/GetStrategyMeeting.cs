using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.ServiceDefaults.Audit;

namespace Support.Referrals.Features.StrategyMeetings;

/// <summary>One meeting with its tracked actions and addenda.</summary>
public static class GetStrategyMeeting
{
    public static async Task<Results<Ok<StrategyMeetingResponse>, NotFound>> HandleAsync(
        Guid id, ReferralsDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var meeting = await db.StrategyMeetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }
        var actions = await db.StrategyActions.AsNoTracking().Include(a => a.Completion).Include(a => a.Deferrals).Include(a => a.Reassignments).Where(a => a.MeetingId == id).ToListAsync(cancellationToken);
        var addenda = await db.StrategyMeetingAddenda.AsNoTracking().Where(a => a.MeetingId == id).ToListAsync(cancellationToken);
        // A meeting record is part of every named child's record: reading it is a read of each (REC-08).
        await accessLog.RecordAsync(StrategyMeetingEndpoints.SubjectType, meeting.YoungPersonIds, AccessActions.Read, cancellationToken);
        return TypedResults.Ok(StrategyMeetingResponse.From(meeting, actions, addenda, clock.GetUtcNow()));
    }
}
