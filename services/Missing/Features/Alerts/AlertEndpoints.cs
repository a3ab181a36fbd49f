using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Problems;
using Support.Missing.Data;
using Support.Missing.Domain;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Time;

namespace Support.Missing.Features.Alerts;

/// <summary>
/// LC-04: the alerts a care leaver's missing report raises, in the queue of police liaison and of the duty manager (a
/// team or senior manager). Each sees their own queue; anyone else gets 403. Reads are audited.
/// </summary>
public static class AlertEndpoints
{
    public sealed record AlertResponse(
        Guid Id, Guid EpisodeId, Guid YoungPersonId, AlertRecipient Recipient, AlertReason Reason, LondonTime RaisedAt,
        bool Acknowledged, LondonTime? AcknowledgedAt, string? AcknowledgedBy)
    {
        public static AlertResponse From(MissingAlert a) => new(
            a.Id, a.EpisodeId, a.YoungPersonId, a.Recipient, a.Reason, LondonTime.Of(a.RaisedAt), a.AcknowledgedAt is not null,
            LondonTime.Of(a.AcknowledgedAt), a.AcknowledgedBy);
    }

    private static readonly string[] AlertRoles = [Roles.PoliceLiaison, Roles.TeamManager, Roles.SeniorManager];

    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/missing/alerts").RequireAuthorization(p => p.RequireRole(AlertRoles)).WithTags("Missing alerts");
        group.MapGet("/", ListAsync).WithName("ListMissingAlerts")
            .WithSummary("Alerts for the caller's queue (police liaison, or the duty manager), oldest first; acknowledged ones with includeAcknowledged=true");
        group.MapPost("/{id:guid}/acknowledge", AcknowledgeAsync).WithName("AcknowledgeMissingAlert")
            .WithSummary("Acknowledge an alert of the caller's queue, once");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<AlertResponse>>> ListAsync(
        bool? includeAcknowledged, Guid? youngPersonId, ClaimsPrincipal user, MissingDbContext db, IAccessLog accessLog, CancellationToken cancellationToken)
    {
        var recipients = MissingAlert.RecipientsOf(user.RoleCodes());
        var query = db.Set<MissingAlert>().AsNoTracking().Where(a => recipients.Contains(a.Recipient));
        if (includeAcknowledged != true)
        {
            query = query.Where(a => a.AcknowledgedAt == null);
        }
        if (youngPersonId is { } person)
        {
            query = query.Where(a => a.YoungPersonId == person);
        }
        var alerts = await query.OrderBy(a => a.RaisedAt).ThenBy(a => a.Id).Take(500).ToListAsync(cancellationToken);
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, alerts.Select(a => a.YoungPersonId).Distinct().ToList(), AccessActions.Read, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AlertResponse>>(alerts.Select(AlertResponse.From).ToList());
    }

    private static async Task<Results<Ok<AlertResponse>, ProblemHttpResult, NotFound, ForbidHttpResult>> AcknowledgeAsync(
        Guid id, ClaimsPrincipal user, MissingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var alert = await db.Set<MissingAlert>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (alert is null)
        {
            return TypedResults.NotFound();
        }
        var roles = MissingAlert.RolesFor(alert.Recipient);
        if (!roles.Intersect(user.RoleCodes()).Any())
        {
            return TypedResults.Forbid();
        }
        if (alert.AcknowledgedAt is not null)
        {
            return Conflicts.Problem("This alert has already been acknowledged.");
        }
        alert.Acknowledge(user.ToAuthor(clock, roles));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsConcurrentChange())
        {
            return Conflicts.Problem("This alert has already been acknowledged.");
        }
        return TypedResults.Ok(AlertResponse.From(alert));
    }
}
