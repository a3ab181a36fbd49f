using Support.Referrals.Features.Deadlines;
using Support.Referrals.Features.Referrals;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.Assessments;

/// <summary>
/// REF-17 assessments: opened by the s47 enquiry (or by hand for a looked-after child's renewal), written section by
/// section by social workers and managers, contributed to by every involved worker, signed by the author and signed
/// off by a different manager; the needs they state become tasks or unmet need.
/// </summary>
public static class AssessmentEndpoints
{
    /// <summary>Who writes, signs and completes tasks: the roles that decide referrals (social workers and managers).</summary>
    public static readonly string[] WriterRoles = ReferralEndpoints.DeciderRoles;

    public static WebApplicationBuilder AddAssessments(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AssessmentOptions>().BindConfiguration(AssessmentOptions.Section)
            .Validate(o => o.IsValid(), "Assessments: LookedAfterRenewalMonths from 1 to 24, NeedTaskWorkingDays from 1 to 30.")
            .ValidateOnStart();
        builder.Services.AddDeadlineJob<AssessmentOverdueJob>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAssessmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/referrals/assessments").RequireAuthorization(Policies.CaseStaff).WithTags("Assessments");
        group.MapPost("/", OpenAssessment.HandleAsync).RequireAuthorization(ReferralEndpoints.Deciders).WithName("OpenAssessment")
            .WithSummary("Open a looked-after child's renewal or a single assessment by hand; the s47 core assessment opens with the enquiry (REF-17)");
        group.MapGet("/", ListAssessments.HandleAsync).WithName("ListAssessments")
            .WithSummary("A young person's assessments, or every open or overdue one, earliest deadline first (audited)");
        group.MapGet("/{id:guid}", GetAssessment.HandleAsync).WithName("GetAssessment")
            .WithSummary("One assessment: each section as it stands and every version, invitations and replies, signatures, what is missing (audited)");
        group.MapPost("/{id:guid}/sections", WriteAssessmentSection.HandleAsync).RequireAuthorization(ReferralEndpoints.Deciders)
            .WithName("WriteAssessmentSection").WithSummary("Write one whole section (a new version): ChildsAccount, Impact, Analysis or NeedsAndPlan (REF-17)");
        group.MapPost("/{id:guid}/invitations", InviteContributor.HandleAsync).RequireAuthorization(ReferralEndpoints.Deciders)
            .WithName("InviteAssessmentContributor").WithSummary("Invite another worker to contribute; involved workers are invited when it opens (REF-17)");
        group.MapGet("/invitations/mine", ListMyInvitations.HandleAsync).WithName("ListMyAssessmentInvitations")
            .WithSummary("Invitations waiting for your contribution (audited)");
        group.MapPost("/invitations/{invitationId:guid}/contribution", ContributeToAssessment.HandleAsync).WithName("ContributeToAssessment")
            .WithSummary("The invited worker's contribution, once (REF-17)");
        group.MapPost("/invitations/{invitationId:guid}/no-reply", RecordNoReply.HandleAsync).RequireAuthorization(ReferralEndpoints.Deciders)
            .WithName("RecordAssessmentNoReply").WithSummary("Record that an invited worker did not reply, and how they were chased, once (REF-17)");
        group.MapPost("/{id:guid}/signature", SignAssessment.HandleAsync).RequireAuthorization(ReferralEndpoints.Deciders)
            .WithName("SignAssessment").WithSummary("The author signs the current version; 422 names each missing section (REF-17)");
        group.MapPost("/{id:guid}/sign-off", SignOffAssessment.HandleAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("SignOffAssessment").WithSummary("A manager other than the author signs off the signed version, completing it; needs become tasks or unmet need (REF-17)");
        group.MapGet("/need-tasks", ListNeedTasks.HandleAsync).RequireAuthorization(ReferralEndpoints.Deciders).WithName("ListAssessmentNeedTasks")
            .WithSummary("Tasks to make the referrals assessed needs call for: yours (mine=true, default) or, for managers, everyone's (audited)");
        group.MapPost("/need-tasks/{id:guid}/completion", CompleteNeedTask.HandleAsync).RequireAuthorization(ReferralEndpoints.Deciders)
            .WithName("CompleteAssessmentNeedTask").WithSummary("End a need task once: the referral made, or unmet need with its reason (REF-17, COM-05)");
        group.MapGet("/renewals-due", RenewalsDue.HandleAsync).RequireAuthorization(Policies.TeamManagers).WithName("ListAssessmentRenewalsDue")
            .WithSummary("Looked-after children whose next assessment is overdue, or due within withinDays, 12 months after the last (REF-17; audited)");
        return app;
    }
}
