using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.StrategyMeetings;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.StrategyMeetings;

/// <summary>Saves the whole draft again; a finalised meeting is 409 (an addendum is the way to add to it).</summary>
public static class UpdateStrategyMeeting
{
    public static async Task<Results<Ok<StrategyMeetingResponse>, NotFound, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, StrategyMeetingRequest request, ReferralsDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var shape = request.CheckShape();
        if (shape.Any)
        {
            return shape.ToBadRequest();
        }
        var meeting = await db.StrategyMeetings.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }
        if (meeting.Status != StrategyMeetingStatus.Draft)
        {
            return Conflicts.Problem($"The meeting is {meeting.Status}: it cannot change. Add an addendum instead.");
        }
        var references = await request.CheckReferencesAsync(db, cancellationToken);
        if (references.Any)
        {
            return references.ToUnprocessable();
        }
        var author = user.ToAuthor(clock);
        meeting.Update(request.ToContent(), author);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflicts.Problem("The draft was saved by someone else at the same time; reload it.");
        }
        return TypedResults.Ok(StrategyMeetingResponse.From(meeting, [], [], author.At));
    }
}
