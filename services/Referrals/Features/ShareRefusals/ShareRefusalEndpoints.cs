using Support.Referrals.Features.YoungPeople;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.ShareRefusals;

/// <summary>
/// REC-11: refusals to share information about a young person, each with its reason, and their escalation (REF-21).
/// Anyone in the case team or a partner may record or escalate one; reading them is a read of the young person's record.
/// </summary>
public static class ShareRefusalEndpoints
{
    public static IEndpointRouteBuilder MapShareRefusalEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/referrals/young-people/{id:guid}/share-refusals").RequireAuthorization(Policies.CaseStaff)
            .WithTags("Information sharing");
        group.MapPost("/", RecordShareRefusal.HandleAsync).WithName("RecordShareRefusal")
            .WithSummary("Record a refusal to share information about this young person, with its reason (REC-11)");
        group.MapGet("/", ListShareRefusals.HandleAsync).WithName("ListShareRefusals")
            .WithSummary("Refusals to share information about this young person, with their escalations (audited)")
            .AuditsReadOf(YoungPeopleEndpoints.SubjectType);
        group.MapPost("/{refusalId:guid}/escalations", EscalateShareRefusal.HandleAsync).WithName("EscalateShareRefusal")
            .WithSummary("Escalate a refusal to share to a reviewer above whoever refused (REC-11, REF-21)");
        return app;
    }
}
