using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.LeavingCare.Data;
using Support.ServiceDefaults.Audit;

namespace Support.LeavingCare.Features.Alerts;

/// <summary>One alert with its handover pack (audited read).</summary>
public static class GetAlert
{
    public static async Task<Results<Ok<AlertResponse>, NotFound, ForbidHttpResult>> HandleAsync(
        Guid id, ClaimsPrincipal user, LeavingCareDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var alert = await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (alert is null)
        {
            return TypedResults.NotFound();
        }
        if (!user.MaySee(alert))
        {
            return TypedResults.Forbid();
        }
        var picture = await db.Pictures.AsNoTracking().SingleAsync(p => p.YoungPersonId == alert.YoungPersonId, cancellationToken);
        var pack = await HandoverPackResponse.BuildAsync(db, picture, clock.GetUtcNow(), cancellationToken);
        var names = await AlertEndpoints.NamesAsync(db, [alert.YoungPersonId], cancellationToken);
        await accessLog.RecordAsync(AlertEndpoints.SubjectType, [alert.YoungPersonId], AccessActions.Read, cancellationToken);
        return TypedResults.Ok(AlertEndpoints.Response(alert, names.GetValueOrDefault(alert.YoungPersonId, ""), pack));
    }
}
