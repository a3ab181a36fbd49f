using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.LeavingCare.Features.CareLeavers;

/// <summary>The leaving-care caseload: registration, advisers, keeping in touch, pathway plans and unmet need (LC-02..LC-06).</summary>
public static class CareLeaverEndpoints
{
    public const string SubjectType = AccessSubjects.YoungPerson;

    public static IEndpointRouteBuilder MapCareLeaverEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/leavingcare").WithTags("Care leavers");
        api.MapPost("/care-leavers", CareLeaverHandlers.RegisterAsync).RequireAuthorization(Access.LeavingCareTeam)
            .WithName("RegisterCareLeaver").WithSummary("Take a known young person (16-25) onto the leaving-care caseload, with their looked-after status.");
        api.MapGet("/young-people/{id:guid}/leaving-care", CareLeaverHandlers.GetAsync).RequireAuthorization(Access.LeavingCareTeam)
            .AuditsReadOf(SubjectType)
            .WithName("GetCareLeaver").WithSummary("The young person's leaving-care record and handover pack (their adviser, or a manager).");
        api.MapPut("/young-people/{id:guid}/adviser", CareLeaverHandlers.AllocateAdviserAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("AllocateAdviser").WithSummary("Allocate a personal adviser (managers); publishes PersonalAdviserAllocated.");
        api.MapPost("/young-people/{id:guid}/contacts", CareLeaverHandlers.LogContactAsync).RequireAuthorization(Access.LeavingCareTeam)
            .WithName("LogContact").WithSummary("Log a keeping-in-touch contact; 'WhereaboutsUnknown' sends ReportWhereaboutsUnknown to the Missing service.");
        api.MapPost("/young-people/{id:guid}/pathway-plan-reviews", CareLeaverHandlers.RecordPathwayPlanReviewAsync).RequireAuthorization(Access.LeavingCareTeam)
            .WithName("RecordPathwayPlanReview").WithSummary("Record a pathway plan written or reviewed; the next is due 6 months later.");
        api.MapPost("/young-people/{id:guid}/unmet-needs", CareLeaverHandlers.RecordUnmetNeedAsync).RequireAuthorization(Access.UnmetNeedRecorders)
            .WithName("RecordUnmetNeed").WithSummary("Record a refusal by adult services (or another service) as unmet need; publishes UnmetNeedRecorded.");
        api.MapGet("/overdue", CareLeaverHandlers.ListOverdueAsync).RequireAuthorization(Access.LeavingCareTeam)
            .WithName("ListOverdue").WithSummary("Overdue pathway plans, plan reviews and keeping-in-touch contacts: an adviser's own, or all for a manager.");
        return app;
    }
}
