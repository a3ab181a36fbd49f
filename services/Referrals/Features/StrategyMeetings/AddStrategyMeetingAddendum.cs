using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.Referrals.Domain.StrategyMeetings;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.StrategyMeetings;

/// <summary>A correction or later information on a finalised meeting, as a new entry pointing at it (REC-05).</summary>
public static class AddStrategyMeetingAddendum
{
    public sealed record Request(string? Text);

    public static async Task<Results<Created<AddendumResponse>, NotFound, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, Request request, ReferralsDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("text", request.Text, 8000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var meeting = await db.StrategyMeetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }
        try
        {
            var addendum = StrategyMeetingAddendum.To(meeting, request.Text!.Trim(), user.ToAuthor(clock));
            db.StrategyMeetingAddenda.Add(addendum);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Created($"/api/referrals/strategy-meetings/{id}", AddendumResponse.From(addendum));
        }
        catch (DomainConflictException conflict)
        {
            return Conflicts.Problem(conflict.Message);
        }
    }
}
