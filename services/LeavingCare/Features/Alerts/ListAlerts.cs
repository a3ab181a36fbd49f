using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.LeavingCare.Data;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.LeavingCare.Features.Alerts;

/// <summary>An adviser's own handover and overdue alerts, or the team's for a manager (LC-01).</summary>
public static class ListAlerts
{
    public static async Task<Ok<List<AlertResponse>>> HandleAsync(
        ClaimsPrincipal user, LeavingCareDbContext db, IAccessLog accessLog, CancellationToken cancellationToken,
        bool includeAcknowledged = false, string? kind = null)
    {
        var query = db.Alerts.AsNoTracking();
        if (!user.IsManager())
        {
            var me = user.UserId();
            query = query.Where(a => a.Recipient == me);
        }
        if (!includeAcknowledged)
        {
            query = query.Where(a => a.AcknowledgedAt == null);
        }
        if (kind is not null)
        {
            query = query.Where(a => a.Kind == kind);
        }
        var alerts = await query.OrderBy(a => a.DueOn).ThenBy(a => a.RaisedAt).Take(500).ToListAsync(cancellationToken);
        var ids = alerts.Select(a => a.YoungPersonId).Distinct().ToList();
        var names = await AlertEndpoints.NamesAsync(db, ids, cancellationToken);
        // The list names people and kinds; the pack is read one alert at a time (GET /alerts/{id}).
        var result = alerts.Select(a => AlertEndpoints.Response(a, names.GetValueOrDefault(a.YoungPersonId, ""), pack: null)).ToList();
        await accessLog.RecordAsync(AlertEndpoints.SubjectType, ids, AccessActions.Read, cancellationToken);
        return TypedResults.Ok(result);
    }
}
