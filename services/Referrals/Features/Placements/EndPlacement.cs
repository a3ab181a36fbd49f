using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Placements;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Placements;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Data;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Placements;

/// <summary>
/// REF-26: a placement ends without a next one recorded (the child went home, left care), with a reason code; ended
/// for cost or shortage, it is unmet need. A placement ends once (409 after). A move is recorded by starting the next
/// placement instead, which ends this one.
/// </summary>
public static class EndPlacement
{
    public sealed record Request(DateOnly? EndedOn, PlacementReason? Reason);

    public static async Task<Results<Ok<PlacementResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("endedOn", request.EndedOn).Required("reason", request.Reason);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var placement = await db.Placements.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (placement is null)
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock);
        var endedOn = request.EndedOn!.Value;
        if (EventDates.Problem("endedOn", endedOn, null, author.At) is { } dateProblem)
        {
            errors.Add("endedOn", dateProblem);
        }
        errors.When(endedOn < placement.StartedOn, "endedOn", $"'endedOn' cannot be before the placement began ({placement.StartedOn:yyyy-MM-dd}).");
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }
        var ending = PlacementEnding.Of(placement, endedOn, request.Reason!.Value, null, author);
        db.PlacementEndings.Add(ending);
        await db.EndCarerRelationshipAsync(outbox, placement, author, cancellationToken);
        outbox.Add(new PlacementEnded
        {
            PlacementId = placement.Id, YoungPersonId = placement.YoungPersonId, Reason = ending.Reason, EndedOn = endedOn,
            RecordedBy = author.UserId, OccurredAt = author.At,
        });
        if (ending.Reason.IsCostOrShortage())
        {
            db.RecordPlacementUnmetNeed(outbox, placement.YoungPersonId, ending.Reason, placement.Id, author);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return Conflicts.Problem("The placement has already ended");
        }
        return TypedResults.Ok(PlacementResponse.From(placement, ending));
    }
}
