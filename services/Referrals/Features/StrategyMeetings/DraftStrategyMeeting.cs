using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Support.Referrals.Data;
using Support.Referrals.Domain.StrategyMeetings;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.StrategyMeetings;

/// <summary>Starts a strategy meeting record (a draft) about one or more young people (REF-11).</summary>
public static class DraftStrategyMeeting
{
    public static async Task<Results<Created<StrategyMeetingResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        StrategyMeetingRequest request, ReferralsDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var shape = request.CheckShape();
        if (shape.Any)
        {
            return shape.ToBadRequest();
        }
        var references = await request.CheckReferencesAsync(db, cancellationToken);
        if (references.Any)
        {
            return references.ToUnprocessable();
        }
        var author = user.ToAuthor(clock);
        var meeting = StrategyMeeting.Draft(request.ToContent(), author);
        db.StrategyMeetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/referrals/strategy-meetings/{meeting.Id}", StrategyMeetingResponse.From(meeting, [], [], author.At));
    }
}
