using Microsoft.EntityFrameworkCore;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.LeavingCare.Features.CareLeavers;

/// <summary>The leaving-care caseload: registration, advisers, keeping in touch, pathway plans and unmet need (LC-02..LC-06).</summary>
public static class CareLeaverEndpoints
{
    public const string SubjectType = AccessSubjects.YoungPerson;

    /// <summary>A clock on a phone may run a little ahead of ours; more than this is a contact in the future.</summary>
    internal static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The young person as known from the registry events: unknown (no date of birth yet) is a 404.</summary>
    internal static Task<YoungPersonPicture?> KnownAsync(LeavingCareDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Pictures.SingleOrDefaultAsync(p => p.YoungPersonId == id && p.DateOfBirth != null, cancellationToken);

    public static IEndpointRouteBuilder MapCareLeaverEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/leavingcare").WithTags("Care leavers");
        api.MapPost("/care-leavers", RegisterCareLeaver.HandleAsync).RequireAuthorization(Access.LeavingCareTeam)
            .WithName("RegisterCareLeaver").WithSummary("Take a known young person (16-25) onto the leaving-care caseload, with their looked-after status.");
        api.MapGet("/young-people/{id:guid}/leaving-care", GetCareLeaver.HandleAsync).RequireAuthorization(Access.LeavingCareTeam)
            .AuditsReadOf(SubjectType)
            .WithName("GetCareLeaver").WithSummary("The young person's leaving-care record and handover pack (their adviser, or a manager).");
        api.MapPut("/young-people/{id:guid}/adviser", AllocateAdviser.HandleAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("AllocateAdviser").WithSummary("Allocate a personal adviser (managers); publishes PersonalAdviserAllocated.");
        api.MapPost("/young-people/{id:guid}/contacts", LogContact.HandleAsync).RequireAuthorization(Access.LeavingCareTeam)
            .WithName("LogContact").WithSummary("Log a keeping-in-touch contact; 'WhereaboutsUnknown' sends ReportWhereaboutsUnknown to the Missing service.");
        api.MapPost("/young-people/{id:guid}/pathway-plan-reviews", RecordPathwayPlanReview.HandleAsync).RequireAuthorization(Access.LeavingCareTeam)
            .WithName("RecordPathwayPlanReview").WithSummary("Record a pathway plan written or reviewed; the next is due 6 months later.");
        api.MapPost("/young-people/{id:guid}/unmet-needs", RecordUnmetNeed.HandleAsync).RequireAuthorization(Access.UnmetNeedRecorders)
            .WithName("RecordUnmetNeed").WithSummary("Record a refusal by adult services (or another service) as unmet need; publishes UnmetNeedRecorded.");
        api.MapGet("/young-people/{id:guid}/unmet-needs", ListUnmetNeeds.HandleAsync).RequireAuthorization(Access.UnmetNeedRecorders)
            .AuditsReadOf(SubjectType)
            .WithName("ListUnmetNeeds").WithSummary("The young person's unmet needs recorded here, each with whether and how it was met (COM-05).");
        api.MapPost("/young-people/{id:guid}/unmet-needs/{needId:guid}/met", RecordUnmetNeedMet.HandleAsync).RequireAuthorization(Access.UnmetNeedRecorders)
            .WithName("RecordUnmetNeedMet").WithSummary("Record that an unmet need was met, when and how; publishes UnmetNeedResolved for the platform's ledger (COM-05).");
        api.MapPut("/young-people/{id:guid}/education-or-training", SetEducationOrTraining.HandleAsync).RequireAuthorization(Access.LeavingCareTeam)
            .WithName("SetEducationOrTraining").WithSummary("Whether the young person is in education or training (LC-03: the adviser's duty runs to 25 instead of 21).");
        api.MapPost("/young-people/{id:guid}/dependants", RecordDependant.HandleAsync).RequireAuthorization(Access.LeavingCareTeam)
            .WithName("RecordDependant").WithSummary("Record a dependant: the child's date of birth and whether social care is involved (LC-08).");
        api.MapGet("/overdue", ListOverdue.HandleAsync).RequireAuthorization(Access.LeavingCareTeam)
            .WithName("ListOverdue").WithSummary("Overdue pathway plans, plan reviews and keeping-in-touch contacts: an adviser's own, or all for a manager.");
        return app;
    }
}
