using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.StrategyMeetings;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.StrategyMeetings;

/// <summary>Every finalised meeting that discussed a child, with that child's decisions and actions (REF-12).</summary>
public static class GetYoungPersonStrategyMeetings
{
    public static async Task<Ok<IReadOnlyList<ChildMeetingResponse>>> HandleAsync(
        Guid id, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var meetings = await db.StrategyMeetings.AsNoTracking()
            .Where(m => m.Status == StrategyMeetingStatus.Finalised && m.YoungPersonIds.Contains(id))
            .OrderByDescending(m => m.HeldAt).ToListAsync(cancellationToken);
        var meetingIds = meetings.Select(m => m.Id).ToList();
        var actions = await db.StrategyActions.AsNoTracking().Include(a => a.Completion).Include(a => a.Deferrals).Include(a => a.Reassignments)
            .Where(a => a.YoungPersonId == id && meetingIds.Contains(a.MeetingId)).ToListAsync(cancellationToken);
        var addenda = await db.StrategyMeetingAddenda.AsNoTracking().Where(a => meetingIds.Contains(a.MeetingId)).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ChildMeetingResponse>>(meetings.Select(m => new ChildMeetingResponse(
            m.Id, LondonTime.Of(m.HeldAt!.Value), m.Chair!, m.Attendees, m.OrganisedOrMultipleAbuse,
            m.ChildViews.FirstOrDefault(v => v.YoungPersonId == id), m.FamilyView,
            m.DecisionsFor(id).Select(d => d.Text!).ToList(), m.NoFurtherAction, m.NoFurtherActionRationale,
            actions.Where(a => a.MeetingId == m.Id).OrderBy(a => a.DueAt).Select(a => StrategyActionResponse.From(a, now)).ToList(),
            addenda.Where(a => a.MeetingId == m.Id).OrderBy(a => a.RecordedAt).Select(AddendumResponse.From).ToList(),
            m.YoungPersonIds.Where(other => other != id).ToList(), LondonTime.Of(m.FinalisedAt!.Value), m.FinalisedBy!)).ToList());
    }
}
