using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.LeavingCare;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.Messaging.Outbox;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.LeavingCare.Features.CareLeavers;

/// <summary>A team manager allocates (or changes) the personal adviser.</summary>
public static class AllocateAdviser
{
    public static async Task<Results<Ok<CareLeaverResponse>, ValidationProblem, NotFound<ProblemDetailsLite>, ProblemHttpResult>> HandleAsync(
        Guid id, AllocateAdviserRequest request, ClaimsPrincipal user, LeavingCareDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("adviserId", request.AdviserId);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var picture = await CareLeaverEndpoints.KnownAsync(db, id, cancellationToken);
        if (picture is null)
        {
            return TypedResults.NotFound(new ProblemDetailsLite("Unknown young person."));
        }
        var adviser = await db.Advisers.SingleOrDefaultAsync(a => a.Id == request.AdviserId, cancellationToken);
        if (adviser is null)
        {
            return TypedResults.NotFound(new ProblemDetailsLite("Unknown adviser."));
        }
        var author = user.ToAuthor(clock, Access.ManagerRoles);
        var previous = picture.AllocateAdviser(adviser.UserId, author.At);
        db.AdviserAllocations.Add(AdviserAllocation.Record(id, adviser, previous, author));
        outbox.Add(new PersonalAdviserAllocated
        {
            YoungPersonId = id, Adviser = adviser.UserId, PreviousAdviser = previous, RecordedBy = author.UserId, OccurredAt = author.At,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflicts.Problem("The record was changed by someone else at the same time.");
        }
        return TypedResults.Ok(CareLeaverResponse.From(picture, London.DateOf(author.At)));
    }
}
