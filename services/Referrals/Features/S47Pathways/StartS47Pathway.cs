using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Features.Referrals;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.S47Pathways;

/// <summary>REF-10: an s47 pathway started by hand at ReasonableCause; a referral it names must be about the same young person (422).</summary>
public static class StartS47Pathway
{
    public sealed record Request(Guid? YoungPersonId, Guid? ReferralId);

    public static async Task<Results<Created<S47PathwayResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Request request, ReferralsDbContext db, IOutbox outbox, IOptions<S47Options> options, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("youngPersonId", request.YoungPersonId);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var youngPersonId = request.YoungPersonId!.Value;
        if (!await db.YoungPeople.AnyAsync(p => p.Id == youngPersonId, cancellationToken))
        {
            return new ValidationErrors().Add("youngPersonId", "No young person with this id is registered.").ToUnprocessable();
        }
        if ((await ReferralReferences.CheckAsync(db, request.ReferralId, youngPersonId, new ValidationErrors(), cancellationToken)) is { Any: true } dangling)
        {
            return dangling.ToUnprocessable();
        }
        if (request.ReferralId is { } referralId && await db.S47Pathways.AnyAsync(p => p.ReferralId == referralId, cancellationToken))
        {
            return S47PathwayProblems.Conflict("An s47 pathway has already been started for this referral.");
        }
        var author = user.ToAuthor(clock);
        // Started by hand: the reasonable-cause decision is being recorded now, by this person.
        var pathway = await S47PathwayStarting.StartAsync(db, outbox, options.Value, youngPersonId, request.ReferralId, author.At, author, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return S47PathwayProblems.Conflict("An s47 pathway has already been started for this referral.");
        }
        return TypedResults.Created($"/api/referrals/s47-pathways/{pathway.Id}", S47PathwayResponse.From(pathway, author.At));
    }
}
