using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Support.Contracts.UnmetNeeds;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.Messaging.Outbox;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.LeavingCare.Features.CareLeavers;

/// <summary>A need the young person has that a service refused or could not meet (LC-06).</summary>
public static class RecordUnmetNeed
{
    public static async Task<Results<Created<UnmetNeedResponse>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> HandleAsync(
        Guid id, RecordUnmetNeedRequest request, ClaimsPrincipal user, LeavingCareDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("needCategory", request.NeedCategory, 64)
            .Required("reason", request.Reason)
            .Required("refusedBy", request.RefusedBy, 100)
            .Required("details", request.Details, 2000)
            .Required("refusedOn", request.RefusedOn);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        if (await CareLeaverEndpoints.KnownAsync(db, id, cancellationToken) is not { } picture)
        {
            return TypedResults.NotFound();
        }
        // Issue 17: an adviser records for the young people allocated to them, as on their record (GetCareLeaver).
        if (!user.MayRecordUnmetNeedFor(picture))
        {
            return TypedResults.Forbid();
        }
        var author = user.ToAuthor(clock, Access.UnmetNeedRoles);
        // Issue 15 item 6: the same date rule as every service.
        if (EventDates.Problem("refusedOn", request.RefusedOn!.Value, picture.DateOfBirth, author.At) is { } problem)
        {
            return errors.Add("refusedOn", problem).ToUnprocessable();
        }
        // LC-06: a refusal by adult services is unmet need, never a reason to close support (LC-02).
        var need = UnmetNeed.Record(id, request.NeedCategory!.Trim(), request.Reason!.Value, request.RefusedBy!.Trim(), request.Details!, request.RefusedOn!.Value, author);
        db.UnmetNeeds.Add(need);
        outbox.Add(new UnmetNeedRecorded
        {
            UnmetNeedId = need.Id, YoungPersonId = id, NeedCategory = need.NeedCategory, Reason = need.Reason,
            RecordedByService = "leaving-care", RecordedBy = author.UserId, OccurredAt = author.At, Since = need.RefusedOn,
        });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/leavingcare/young-people/{id}/unmet-needs/{need.Id}", UnmetNeedResponse.From(need, met: null));
    }
}
