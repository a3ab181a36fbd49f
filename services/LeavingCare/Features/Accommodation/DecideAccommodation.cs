using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.LeavingCare.Features.Accommodation;

/// <summary>A manager's recorded decision on a matched accommodation check (LC-05).</summary>
public static class DecideAccommodation
{
    public static async Task<Results<Ok<AccommodationCheckResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, AccommodationDecisionRequest request, ClaimsPrincipal user, LeavingCareDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("approved", request.Approved).Required("rationale", request.Rationale, 2000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var check = await db.AccommodationChecks.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (check is null)
        {
            return TypedResults.NotFound();
        }
        if (!check.NeedsDecision)
        {
            return Conflicts.Problem("The address matched nothing; no decision is needed.");
        }
        if (await db.AccommodationDecisions.AnyAsync(d => d.CheckId == id, cancellationToken))
        {
            return Conflicts.Problem("A decision is already recorded for this check.");
        }
        var decision = AccommodationDecision.Record(id, request.Approved!.Value, request.Rationale!, user.ToAuthor(clock, Access.ManagerRoles));
        db.AccommodationDecisions.Add(decision);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Conflicts.Problem("A decision is already recorded for this check.");
        }
        return TypedResults.Ok(AccommodationEndpoints.Response(check, decision));
    }
}
