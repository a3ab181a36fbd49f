using Microsoft.AspNetCore.Mvc;
using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Features.Prevention;

/// <summary>OUT-09: prevention and awareness sessions, recorded and evaluated, and counted in a suppressed report.</summary>
public static class PreventionEndpoints
{
    public static IEndpointRouteBuilder MapPreventionEndpoints(this IEndpointRouteBuilder app)
    {
        var sessions = app.MapGroup("/api/outreach/prevention-sessions").RequireAuthorization(Policies.CaseStaff).WithTags("Prevention")
            .WithMetadata(new RequestSizeLimitAttribute(Input.MaxBodyBytes));
        sessions.MapPost("/", RecordPreventionSession.HandleAsync).RequireAuthorization(OutreachApi.OutreachStaff)
            .WithName("RecordPreventionSession").WithSummary("Record a school or community prevention session with its evaluation (OUT-09)");
        sessions.MapGet("/", RecordPreventionSession.ListAsync)
            .WithName("ListPreventionSessions").WithSummary("Prevention sessions held between two dates, newest first");
        sessions.MapGet("/{id:guid}", RecordPreventionSession.GetAsync)
            .WithName("GetPreventionSession").WithSummary("One prevention session");

        app.MapGet("/api/outreach/reports/prevention", PreventionReport.HandleAsync)
            .RequireAuthorization(Policies.PlaceReportReaders).WithTags("Reports")
            .WithName("PreventionReport").WithSummary("Sessions, attendees and follow-up referrals per setting and London month, small numbers suppressed; mean evaluation before and after (OUT-09)");
        return app;
    }
}
