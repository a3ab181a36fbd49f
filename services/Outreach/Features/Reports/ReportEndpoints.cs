using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Features.Reports;

public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        // Aggregates only, never a child's identity, and suppressed unless the reader is an auditor: the gateway's
        // outreach-reports route admits commissioners, governance and police liaison here and nowhere else (OUT-08).
        var group = app.MapGroup("/api/outreach/reports").RequireAuthorization(Policies.PlaceReportReaders).WithTags("Reports");
        group.MapGet("/hotspots", HotspotReport.HandleAsync)
            .WithName("HotspotReport")
            .WithSummary("Contacts, concerns and distinct young people per location and London month, small numbers suppressed (OUT-08)");
        group.MapGet("/reach", ReachReport.HandleAsync)
            .WithName("ReachReport")
            .WithSummary("Distinct young people reached, by gender and ethnicity as recorded, 'Not recorded' included (OUT-10, COM-11)");
        group.MapGet("/persons-of-concern", PersonsOfConcernReport.HandleAsync)
            .WithName("PersonsOfConcernReport")
            .WithSummary("Distinct persons of concern named in information, by gender and ethnicity as the source described them (OUT-10, COM-11)");
        return app;
    }
}
