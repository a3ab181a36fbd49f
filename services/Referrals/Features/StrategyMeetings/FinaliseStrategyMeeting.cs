using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Referrals;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.StrategyMeetings;
using Support.Referrals.Features.Staff;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.StrategyMeetings;

/// <summary>
/// Finalises a complete record: every required field (REF-11), a senior enough chair for organised abuse (REF-13), and
/// every action owned by active staff (COM-10, 422 naming <c>actions[i].owner</c>).
/// </summary>
public static class FinaliseStrategyMeeting
{
    public static async Task<Results<Ok<StrategyMeetingResponse>, NotFound, ProblemHttpResult>> HandleAsync(
        Guid id, ReferralsDbContext db, IOutbox outbox, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var meeting = await db.StrategyMeetings.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }
        if (meeting.Status != StrategyMeetingStatus.Draft)
        {
            return Conflicts.Problem($"The meeting is already {meeting.Status}.");
        }
        var children = meeting.YoungPersonIds;
        var flagged = await db.OrganisedAbuseFlags.AnyAsync(f => children.Contains(f.YoungPersonId), cancellationToken);
        var author = user.ToAuthor(clock);
        var missing = meeting.CheckComplete(flagged, author.At);
        if (missing.Count > 0)
        {
            var errors = new ValidationErrors();
            foreach (var violation in missing)
            {
                errors.Add(violation.Field, violation.Message);
            }
            return errors.ToUnprocessable();
        }
        // COM-10: "The former Chief Executive was still named as the person responsible ... despite the fact that he had
        // already left the Council": every owner is the user id of an active member of staff.
        var inactive = await StaffDirectory.NotActiveAsync(db, meeting.Actions.Select(a => a.Owner!.Trim()), cancellationToken);
        if (inactive.Count > 0)
        {
            var errors = new ValidationErrors();
            for (var i = 0; i < meeting.Actions.Count; i++)
            {
                var owner = meeting.Actions[i].Owner!.Trim();
                errors.When(inactive.Contains(owner), $"actions[{i}].owner", StaffDirectory.NotActiveMessage($"actions[{i}].owner", owner));
            }
            return errors.ToUnprocessable();
        }
        var actions = meeting.Finalise(flagged, author);
        db.StrategyActions.AddRange(actions);
        // REF-12: each child's decisions and actions travel separately, so each child's chronology gets its own.
        outbox.Add(new StrategyMeetingFinalised
        {
            MeetingId = meeting.Id,
            HeldAt = meeting.HeldAt!.Value,
            ChairId = meeting.Chair!.Name!,
            ChairGrade = meeting.Chair.Grade!.Value.ToString(),
            OrganisedOrMultipleAbuse = flagged,
            Children = children.Select(child => new StrategyMeetingChild
            {
                YoungPersonId = child,
                Decisions = meeting.DecisionsFor(child).Select(d => d.Text!.Trim()).ToList(),
                Actions = actions.Where(a => a.YoungPersonId == child).Select(a => new StrategyMeetingAction
                {
                    ActionId = a.Id, Description = a.Description, Owner = a.Owner, DueAt = a.DueAt,
                }).ToList(),
            }).ToList(),
            RecordedBy = author.UserId,
            OccurredAt = author.At,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflicts.Problem("The meeting was changed by someone else at the same time; reload it.");
        }
        return TypedResults.Ok(StrategyMeetingResponse.From(meeting, actions, [], author.At));
    }
}
