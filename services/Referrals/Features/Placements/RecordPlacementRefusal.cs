using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Support.Contracts.Placements;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Placements;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Placements;

/// <summary>
/// REF-26: a placement the child needed and did not get, for cost or shortage ("told there was a shortage of foster
/// carers"; "out of area placements would not be sanctioned due to costs"). Only those two reasons are refusals; each
/// one is recorded as unmet need (COM-05) in the same transaction.
/// </summary>
public static class RecordPlacementRefusal
{
    public sealed record Request(Guid? YoungPersonId, PlacementType? RequestedType, PlacementReason? Reason, string? Note);

    public static async Task<Results<Created<PlacementRefusalResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .When(request.YoungPersonId is null || request.YoungPersonId == Guid.Empty, "youngPersonId", "'youngPersonId' is required.")
            .Required("requestedType", request.RequestedType)
            .Required("reason", request.Reason)
            .Required("note", request.Note, 4000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        errors
            .When(!request.Reason!.Value.IsCostOrShortage(), "reason", "A refusal is recorded for 'CostConstraint' or 'NoFosterPlacementAvailable'.")
            .When(await db.DateOfBirthOfAsync(request.YoungPersonId!.Value, cancellationToken) is null, "youngPersonId", "No young person with this id is registered.");
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }
        var author = user.ToAuthor(clock);
        var refusal = PlacementRefusal.Record(request.YoungPersonId!.Value, request.RequestedType!.Value, request.Reason!.Value, request.Note!, author);
        db.PlacementRefusals.Add(refusal);
        db.RecordPlacementUnmetNeed(outbox, refusal.YoungPersonId, refusal.Reason, refusal.Id, author);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/referrals/young-people/{refusal.YoungPersonId}/placements", PlacementRefusalResponse.From(refusal));
    }
}
