using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Outreach.Features.Involvements;

/// <summary>
/// OUT-11: hand a case straight to a named colleague in the team, in one recorded action, rather than through the front
/// door. The holder or a manager hands it over; the involvement (its since date, its history) carries on unbroken.
/// </summary>
public static class HandOverInvolvement
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(string? ToWorkerUserId, string? Reason);

    public static async Task<Results<Ok<InvolvementResponse>, NotFound, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, OutreachDbContext db, IOptions<OutreachOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Text("toWorkerUserId", request.ToWorkerUserId, 200, required: true)
            .Text("reason", request.Reason, 2000, required: true, multiline: true);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var involvement = await db.Involvements.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (involvement is null)
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"involvement:" + involvement.YoungPersonId}))", cancellationToken);
        if (await db.InvolvementEndings.AnyAsync(e => e.InvolvementId == id, cancellationToken))
        {
            return Conflicts.Problem("This involvement has ended.");
        }
        var handovers = await db.InvolvementHandovers.AsNoTracking().Where(h => h.InvolvementId == id).ToListAsync(cancellationToken);
        var holder = InvolvementState.CurrentWorker(involvement, handovers);
        if (holder != author.UserId && !InvolvementState.Managers.Any(user.IsInRole))
        {
            return TypedResults.Problem(title: "Only the worker holding the involvement, or a manager, may hand it over.", statusCode: StatusCodes.Status403Forbidden);
        }
        var to = request.ToWorkerUserId!.Trim();
        if (to == holder)
        {
            return errors.Add("toWorkerUserId", "The involvement is already held by this worker.").ToUnprocessable();
        }
        db.InvolvementHandovers.Add(InvolvementHandover.Record(involvement, holder, to, request.Reason!.Trim(), author));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok((await InvolvementState.ResponsesAsync(db, [involvement], options.Value.NoContactAlertAfter, cancellationToken)).Single());
    }
}
