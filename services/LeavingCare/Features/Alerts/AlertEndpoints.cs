using Microsoft.EntityFrameworkCore;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.ServiceDefaults.Audit;
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
        group.MapGet("/", ListAlerts.HandleAsync).WithName("ListAlerts").WithSummary("Alerts for the caller: an adviser's own, or the whole team's for a manager.");
        group.MapGet("/{id:guid}", GetAlert.HandleAsync).WithName("GetAlert").WithSummary("One alert with its handover pack.");
        group.MapPost("/{id:guid}/acknowledge", AcknowledgeAlert.HandleAsync).WithName("AcknowledgeAlert")
            .WithSummary("Acknowledge an alert: the recipient adviser, or a manager.");
        return app;
    }

    internal static async Task<Dictionary<Guid, string>> NamesAsync(LeavingCareDbContext db, List<Guid> ids, CancellationToken cancellationToken) =>
        await db.KnownYoungPeople.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);

    internal static AlertResponse Response(HandoverAlert a, string name, HandoverPackResponse? pack) =>
        new(a.Id, a.YoungPersonId, name, a.Kind, a.DueOn, a.Recipient, a.Queue, LondonTime.Of(a.RaisedAt), a.AcknowledgedBy,
            LondonTime.Of(a.AcknowledgedAt), pack);
}
