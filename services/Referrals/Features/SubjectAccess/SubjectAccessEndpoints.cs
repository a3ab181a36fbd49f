using Support.Referrals.Features.Disclosure;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.SubjectAccess;

/// <summary>
/// Issue 16 item 4, REC-10: the young person's (or adult survivor's) own request for what is recorded about them. Anyone
/// they tell (any case staff) or the data protection officer records it; the deadline is computed; the auditor or data
/// protection officer extends it once with a reason, or answers it with a subject-access pack reviewed for third
/// parties. Missed deadlines stay visible (<c>overdue=true</c>).
/// </summary>
public static class SubjectAccessEndpoints
{
    /// <summary>Anyone the young person may ask: every case-staff role, and the data protection officer.</summary>
    public static readonly string[] RecorderRoles = [.. Roles.CaseStaff, Roles.DataProtectionOfficer];

    public static IEndpointRouteBuilder MapSubjectAccessEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/referrals/young-people/{id:guid}/subject-access-requests", RecordSubjectAccessRequest.HandleAsync)
            .RequireAuthorization(p => p.RequireRole(RecorderRoles)).WithTags("Subject access").WithName("RecordSubjectAccessRequest")
            .WithSummary("Record a young person's or adult survivor's request for what is recorded about them; the due date is computed");
        var requests = app.MapGroup("/api/referrals/subject-access-requests")
            .RequireAuthorization(p => p.RequireRole(DisclosureEndpoints.DisclosureRoles)).WithTags("Subject access");
        requests.MapGet("/", ListSubjectAccessRequests.HandleAsync).WithName("ListSubjectAccessRequests")
            .WithSummary("Requests, open ones first by due date (overdue=true: missed ones; youngPersonId: one person's); each person listed is an audited read");
        requests.MapPost("/{requestId:guid}/extension", ExtendSubjectAccessRequest.HandleAsync).WithName("ExtendSubjectAccessRequest")
            .WithSummary("Extend the deadline by two further months, once, with a reason, within the first month");
        requests.MapPost("/{requestId:guid}/answer", AnswerSubjectAccessRequest.HandleAsync).WithName("AnswerSubjectAccessRequest")
            .WithSummary("Answer with a subject-access pack for the same young person whose third parties were reviewed for redaction (REC-09)");
        return app;
    }
}
