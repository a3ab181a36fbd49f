using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Time;

namespace Support.LeavingCare.Features.Alerts;

public sealed record AlertResponse(
    Guid Id, Guid YoungPersonId, string DisplayName, string Kind, DateOnly DueOn, string? Recipient, string Queue,
    LondonTime RaisedAt, string? AcknowledgedBy, LondonTime? AcknowledgedAt, HandoverPackResponse? Pack);

/// <summary>
/// LC-01 alerts. An adviser sees the alerts addressed to them; a manager sees the team's (every alert, including the
/// team queue and escalations). Packs are identifiable, so every read is audited (REC-08); commissioners get 403 here
/// and see counts only under /reports.
/// </summary>
public static class AlertEndpoints
{
    public const string SubjectType = AccessSubjects.YoungPerson;

    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/leavingcare/alerts").RequireAuthorization(Access.LeavingCareTeam).WithTags("Alerts");
        group.MapGet("/", ListAsync).WithName("ListAlerts").WithSummary("Alerts for the caller: an adviser's own, or the whole team's for a manager.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetAlert").WithSummary("One alert with its handover pack.");
        group.MapPost("/{id:guid}/acknowledge", AcknowledgeAsync).WithName("AcknowledgeAlert")
            .WithSummary("Acknowledge an alert: the recipient adviser, or a manager.");
        return app;
    }

    public static async Task<Ok<List<AlertResponse>>> ListAsync(
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
        var names = await NamesAsync(db, ids, cancellationToken);
        // The list names people and kinds; the pack is read one alert at a time (GET /alerts/{id}).
        var result = alerts.Select(a => Response(a, names.GetValueOrDefault(a.YoungPersonId, ""), pack: null)).ToList();
        await accessLog.RecordAsync(SubjectType, ids, AccessActions.Read, cancellationToken);
        return TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<AlertResponse>, NotFound, ForbidHttpResult>> GetAsync(
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
        var names = await NamesAsync(db, [alert.YoungPersonId], cancellationToken);
        await accessLog.RecordAsync(SubjectType, [alert.YoungPersonId], AccessActions.Read, cancellationToken);
        return TypedResults.Ok(Response(alert, names.GetValueOrDefault(alert.YoungPersonId, ""), pack));
    }

    public static async Task<Results<Ok<AlertResponse>, NotFound, ForbidHttpResult, ProblemHttpResult>> AcknowledgeAsync(
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
            return TypedResults.Problem(title: "The alert is already acknowledged.", statusCode: StatusCodes.Status409Conflict);
        }
        await db.SaveChangesAsync(cancellationToken);
        var names = await NamesAsync(db, [alert.YoungPersonId], cancellationToken);
        return TypedResults.Ok(Response(alert, names.GetValueOrDefault(alert.YoungPersonId, ""), pack: null));
    }

    private static async Task<Dictionary<Guid, string>> NamesAsync(LeavingCareDbContext db, List<Guid> ids, CancellationToken cancellationToken) =>
        await db.KnownYoungPeople.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);

    private static AlertResponse Response(HandoverAlert a, string name, HandoverPackResponse? pack) =>
        new(a.Id, a.YoungPersonId, name, a.Kind, a.DueOn, a.Recipient, a.Queue, LondonTime.Of(a.RaisedAt), a.AcknowledgedBy,
            LondonTime.Of(a.AcknowledgedAt), pack);
}
