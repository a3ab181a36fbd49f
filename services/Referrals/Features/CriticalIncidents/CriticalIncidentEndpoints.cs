using Support.Referrals.Consumers.RiskReviews;
using Support.Referrals.Features.Deadlines;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.CriticalIncidents;

/// <summary>REF-22: recording critical incidents (case staff) and the senior-manager queue (senior managers only).</summary>
public static class CriticalIncidentEndpoints
{
    public static WebApplicationBuilder AddCriticalIncidents(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CriticalIncidentOptions>().BindConfiguration(CriticalIncidentOptions.Section)
            .Validate(o => o.IsValid(), "CriticalIncidents: AcknowledgementDeadline from 1 to 336 hours or 1 to 20 working days.")
            .ValidateOnStart();
        builder.Services.AddDeadlineJob<CriticalIncidentEscalationJob>();
        builder.Services.AddOptions<CareLeaverMissingOptions>().BindConfiguration(CareLeaverMissingOptions.Section)
            .Validate(o => o.IsValid(), "CareLeaverMissing: RiskReviewWithinHours from 1 to 168.")
            .ValidateOnStart();
        return builder;
    }

    public static IEndpointRouteBuilder MapCriticalIncidentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/referrals/critical-incidents").RequireAuthorization(Policies.CaseStaff).WithTags("Critical incidents");
        group.MapPost("/", RecordCriticalIncident.HandleAsync).WithName("RecordCriticalIncident")
            .WithSummary("Record a critical incident; it goes to the senior-manager queue with an acknowledgement deadline (REF-22)");
        group.MapGet("/", ReadCriticalIncidents.ListAsync).RequireAuthorization(p => p.RequireRole(Roles.SeniorManager)).WithName("ListCriticalIncidents")
            .WithSummary("The senior-manager queue: incidents not acknowledged (status=open, default), past their deadline (overdue) or all; audited");
        group.MapGet("/{id:guid}", ReadCriticalIncidents.GetAsync).RequireAuthorization(p => p.RequireRole(Roles.SeniorManager)).WithName("GetCriticalIncident")
            .WithSummary("One critical incident with its acknowledgement (audited)");
        group.MapPost("/{id:guid}/acknowledge", AcknowledgeCriticalIncident.HandleAsync).RequireAuthorization(p => p.RequireRole(Roles.SeniorManager))
            .WithName("AcknowledgeCriticalIncident").WithSummary("A senior manager acknowledges a critical incident, once (REF-22)");
        return app;
    }
}
