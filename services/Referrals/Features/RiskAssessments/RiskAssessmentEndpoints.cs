using Support.Referrals.Features.YoungPeople;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.RiskAssessments;

public static class RiskAssessmentEndpoints
{
    public static IEndpointRouteBuilder MapRiskAssessmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/referrals/young-people/{id:guid}/risk-assessments")
            .RequireAuthorization(Policies.CaseStaff).WithTags("Risk assessments");
        group.MapPost("/", RecordRiskAssessment.HandleAsync).WithName("RecordRiskAssessment")
            .WithSummary("Record a risk assessment: suggested level from the versioned rule table, chosen level, legal flags and prompts (REF-07, REF-14)");
        group.MapGet("/", ListRiskAssessments.HandleAsync).WithName("ListRiskAssessments").WithSummary("A young person's risk assessments, newest first (audited)")
            .AuditsReadOf(YoungPeopleEndpoints.SubjectType);
        group.MapGet("/{assessmentId:guid}", GetRiskAssessment.HandleAsync).WithName("GetRiskAssessment").WithSummary("One risk assessment (audited)")
            .AuditsReadOf(YoungPeopleEndpoints.SubjectType);
        // Only a team or senior manager countersigns a lowered level (REF-14, REF-15).
        app.MapPost("/api/referrals/young-people/{id:guid}/risk-assessments/{assessmentId:guid}/countersign", CountersignRiskAssessment.HandleAsync)
            .RequireAuthorization(Policies.TeamManagers).WithTags("Risk assessments").WithName("CountersignRiskAssessment")
            .WithSummary("A team manager countersigns a lowered level, which then comes into force (REF-15)");
        app.MapGet("/api/referrals/young-people/{id:guid}/legal-flags", ListLegalFlags.HandleAsync)
            .RequireAuthorization(Policies.CaseStaff).WithTags("Risk assessments").WithName("ListLegalFlags")
            .WithSummary("The legal age flags on a young person's record (REF-07, audited)").AuditsReadOf(YoungPeopleEndpoints.SubjectType);
        return app;
    }
}
