using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.UnmetNeeds;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.Messaging.Outbox;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Data;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.LeavingCare.Features.CareLeavers;

/// <summary>
/// COM-05: an unmet need recorded here was met after all. It stays recorded, with the date it was met and how, and
/// <c>UnmetNeedResolved</c> tells the platform's ledger, whose reports stop counting its time unmet from that date.
/// </summary>
public static class RecordUnmetNeedMet
{
    public const int MaxHowLength = 1000;

    public static async Task<Results<Created<UnmetNeedMetResponse>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> HandleAsync(
        Guid id, Guid needId, RecordUnmetNeedMetRequest request, ClaimsPrincipal user, LeavingCareDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("metOn", request.MetOn)
            .Required("how", request.How, MaxHowLength);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        if (await CareLeaverEndpoints.KnownAsync(db, id, cancellationToken) is not { } picture)
        {
            return TypedResults.NotFound();
        }
        if (!user.MayRecordUnmetNeedFor(picture))
        {
            return TypedResults.Forbid();
        }
        var need = await db.UnmetNeeds.AsNoTracking().SingleOrDefaultAsync(n => n.Id == needId && n.YoungPersonId == id, cancellationToken);
        if (need is null)
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock, Access.UnmetNeedRoles);
        if (EventDates.Problem("metOn", request.MetOn!.Value, picture.DateOfBirth, author.At) is { } problem)
        {
            return errors.Add("metOn", problem).ToUnprocessable();
        }
        if (request.MetOn.Value < need.RefusedOn)
        {
            return errors.Add("metOn", $"'metOn' is before the need was refused ({need.RefusedOn:yyyy-MM-dd}).").ToUnprocessable();
        }
        if (await db.UnmetNeedsMet.AnyAsync(m => m.UnmetNeedId == needId, cancellationToken))
        {
            return AlreadyMet();
        }
        var met = UnmetNeedMet.Record(need, request.MetOn.Value, request.How!.Trim(), author);
        db.UnmetNeedsMet.Add(met);
        outbox.Add(new UnmetNeedResolved
        {
            UnmetNeedId = need.Id, YoungPersonId = id, ResolvedOn = met.MetOn, ResolvedByService = "leaving-care", RecordedBy = author.UserId,
            OccurredAt = author.At,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Two answers at once: the key lets one in.
            return AlreadyMet();
        }
        return TypedResults.Created($"/api/leavingcare/young-people/{id}/unmet-needs", UnmetNeedMetResponse.From(met));
    }

    private static ProblemHttpResult AlreadyMet() => TypedResults.Problem(
        title: "This unmet need is already recorded as met.", detail: "A need is met once; the date and how it was met are on its record.",
        statusCode: StatusCodes.Status409Conflict);
}
