using Microsoft.AspNetCore.Mvc;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Features.Information;

public static class InformationEndpoints
{
    public static IEndpointRouteBuilder MapInformationEndpoints(this IEndpointRouteBuilder app)
    {
        // Identifiable data: commissioners and governance get 403 here (Part I).
        var items = app.MapGroup("/api/outreach/information-items").RequireAuthorization(Policies.CaseStaff).WithTags("Information")
            .WithMetadata(new RequestSizeLimitAttribute(Input.MaxBodyBytes));
        items.MapPost("/", RecordInformationItem.HandleAsync).RequireAuthorization(OutreachApi.OutreachStaff)
            .WithName("RecordInformationItem").WithSummary("Record soft information word for word, with provenance, grading and mentions (OUT-03, INT-01)");
        items.MapGet("/overdue", ReadInformationItems.OverdueAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("ListOverdueInformationItems").WithSummary("Items without a disposition after 5 working days, for managers (OUT-03)");
        items.MapGet("/{id:guid}", ReadInformationItems.GetAsync)
            .WithName("GetInformationItem").WithSummary("One item with its mentions and full history");
        items.MapPost("/{id:guid}/events", RecordInformationEvent.HandleAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.OutreachWorker, Roles.TeamManager, Roles.SeniorManager, Roles.PoliceLiaison))
            .WithName("RecordInformationEvent").WithSummary("Dispose of an item, or record a police outcome that never closes it (OUT-03, INT-06)");

        app.MapGet("/api/outreach/young-people/{id:guid}/information-items", ReadInformationItems.ForYoungPersonAsync)
            .RequireAuthorization(Policies.CaseStaff).WithTags("Information")
            .AuditsReadOf(AccessSubjects.YoungPerson)
            .WithName("ListYoungPersonInformationItems").WithSummary("Every item about a young person, including under a matched alias");
        return app;
    }
}
