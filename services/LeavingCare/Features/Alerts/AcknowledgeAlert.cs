using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.LeavingCare.Data;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.LeavingCare.Features.Alerts;

/// <summary>The recipient (or a manager) acknowledges an alert; it is never deleted.</summary>
public static class AcknowledgeAlert
{
    public static async Task<Results<Ok<AlertResponse>, NotFound, ForbidHttpResult, ProblemHttpResult>> HandleAsync(
        Guid id, ClaimsPrincipal user, LeavingCareDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (alert is null)
        {
            return TypedResults.NotFound();
        }
        // Another adviser's alert, or a queue alert, is not an adviser's to acknowledge: 403.
        if (!user.MaySee(alert))
        {
            return TypedResults.Forbid();
        }
        if (!alert.Acknowledge(user.UserId(), clock.GetUtcNow()))
        {
            return Conflicts.Problem("The alert is already acknowledged.");
        }
        await db.SaveChangesAsync(cancellationToken);
        var names = await AlertEndpoints.NamesAsync(db, [alert.YoungPersonId], cancellationToken);
        return TypedResults.Ok(AlertEndpoints.Response(alert, names.GetValueOrDefault(alert.YoungPersonId, ""), pack: null));
    }
}
