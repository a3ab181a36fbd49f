using Support.Referrals.Features.Deadlines;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.Referrals;

public static class ReferralEndpoints
{
    public const string SubjectType = "referral";

    /// <summary>Who records a front-door decision or asks for a reclassification.</summary>
    public const string Deciders = "ReferralDeciders";

    public static readonly string[] DeciderRoles = [Roles.SocialWorker, Roles.TeamManager, Roles.SeniorManager];

    /// <summary>A manager's sign-off is signed as a manager even if they hold another role too.</summary>
    public static readonly string[] ManagerRoles = [Roles.TeamManager, Roles.SeniorManager];

    public static WebApplicationBuilder AddReferrals(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder().AddPolicy(Deciders, p => p.RequireRole(DeciderRoles));
        builder.Services.AddOptions<FrontDoorOptions>().BindConfiguration(FrontDoorOptions.Section)
            .Validate(o => o.IsValid(), "FrontDoor: DecisionEscalationWorkingDays between 1 and 20.")
            .ValidateOnStart();
        builder.Services.AddDeadlineJob<ReferralDecisionOverdueJob>();
        return builder;
    }

    public static IEndpointRouteBuilder MapReferralEndpoints(this IEndpointRouteBuilder app)
    {
        // Identifiable data: commissioners get 403 (Part I).
        var group = app.MapGroup("/api/referrals").RequireAuthorization(Policies.CaseStaff).WithTags("Referrals");
        group.MapPost("/", ReceiveReferral.HandleAsync)
            .WithName("ReceiveReferral").WithSummary("Receive a referral; priority and deadline come from its content only (REF-01, REF-04, REF-05, REF-20).");
        group.MapGet("/", ReadReferrals.ListAsync)
            .WithName("ListReferrals").WithSummary("A young person's referrals, or (managers) undecided referrals past their deadline or past their escalation point.");
        group.MapGet("/reports/decision-times", DecisionTimesReport.HandleAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("ReferralDecisionTimes").WithSummary("Time from receipt to decision, lateness and escalations by CSE type, for referrals received between two London dates (REF-04). Counts only.");
        group.MapGet("/{id:guid}", ReadReferrals.GetAsync).AuditsReadOf(SubjectType)
            .WithName("GetReferral").WithSummary("A referral with its decision, s47 decisions and reclassification history.");
        group.MapPost("/{id:guid}/decision", DecideReferral.HandleAsync).RequireAuthorization(Deciders)
            .WithName("DecideReferral").WithSummary("Record the front-door decision (REF-03, REF-04).");
        group.MapPost("/{id:guid}/s47-decision", RecordS47Decision.HandleAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("RecordS47Decision").WithSummary("A team manager's s47 decision on a referral (REF-03).");
        group.MapPost("/{id:guid}/reclassifications", Reclassify.RequestAsync).RequireAuthorization(Deciders)
            .WithName("ReclassifyReferral").WithSummary("Ask to change the CSE type and/or priority (REF-02).");
        group.MapPost("/{id:guid}/reclassifications/{rid:guid}/approve", Reclassify.ApproveAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("ApproveReclassification").WithSummary("A team manager approves a pending reclassification (REF-02).");
        group.MapPost("/{id:guid}/reclassifications/{rid:guid}/reject", Reclassify.RejectAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("RejectReclassification").WithSummary("A team manager rejects a pending reclassification; the original stays (REF-02).");
        return app;
    }
}
