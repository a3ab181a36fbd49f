using Support.Referrals.Domain.Cases;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.Cases;

public static class CaseEndpoints
{
    public const string SubjectType = AccessSubjects.YoungPerson;

    /// <summary>Registers every <see cref="ICaseOpenItemSource"/> in this service, so a feature plugs in by implementing it.</summary>
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        var sources = typeof(CaseEndpoints).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICaseOpenItemSource).IsAssignableFrom(t));
        foreach (var source in sources)
        {
            services.AddScoped(typeof(ICaseOpenItemSource), source);
        }
        return services;
    }

    public static IEndpointRouteBuilder MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/referrals/cases").RequireAuthorization(Policies.CaseStaff).WithTags("Cases");
        cases.MapPost("/", OpenCase.HandleAsync)
            .WithName("OpenCase").WithSummary("Open a case for a young person with a lead team and the allocation criterion met (REF-06)");
        cases.MapGet("/", ListCases.HandleAsync)
            .WithName("ListCases").WithSummary("A young person's cases, open and closed, or (team managers) open cases without a key worker (REF-23)");
        cases.MapGet("/{id:guid}", GetCase.HandleAsync)
            .WithName("GetCase").WithSummary("One case with its lead team, key worker and involved workers");
        cases.MapPost("/{id:guid}/key-worker", AssignKeyWorker.HandleAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("AssignKeyWorker").WithSummary("Allocate the key worker; the previous allocation ends at the same instant (REF-24)");
        cases.MapPost("/{id:guid}/visits", RecordCaseVisit.HandleAsync)
            .WithName("RecordCaseVisit").WithSummary("A visit or contact on the case; face-to-face contact resets the visit gap (REF-23)");
        cases.MapGet("/{id:guid}/visits", ListCaseVisits.ListAsync)
            .WithName("ListCaseVisits").WithSummary("The case's visits and contacts, latest first (audited)");
        cases.MapGet("/caseloads", Caseloads.HandleAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("Caseloads").WithSummary("Each key worker's open cases by risk level, weighted, heaviest first, with whether they are over the threshold (COM-08)");
        cases.MapGet("/visit-gaps", VisitGaps.ListAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("ListVisitGaps").WithSummary("Open cases past the days without face-to-face contact their risk level allows (REF-23)");
        cases.MapPost("/{id:guid}/supervision", RecordSupervision.HandleAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("RecordCaseSupervision").WithSummary("Supervision with the working hypothesis, alternatives considered and the supervisor's status (REF-18, REC-06)");
        cases.MapGet("/{id:guid}/supervision", ListCaseSupervision.ListAsync)
            .WithName("ListCaseSupervision").WithSummary("The case's supervision entries, latest first (audited)");
        cases.MapGet("/supervision-gaps", SupervisionGaps.ListAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("ListSupervisionGaps").WithSummary("Open CSE cases with no supervision for the configured weeks, with how often each has been supervised (REF-18)");
        cases.MapPost("/{id:guid}/key-worker/end", EndKeyWorkerAllocation.HandleAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("EndKeyWorkerAllocation").WithSummary("The key worker stops holding the case with no successor yet; the case is unallocated from now (REF-23)");
        cases.MapPost("/{id:guid}/involved-workers", AddInvolvedWorker.HandleAsync)
            .WithName("AddInvolvedWorker").WithSummary("Record a worker involved in the case who is not its key worker, with a role (REF-24)");
        cases.MapGet("/{id:guid}/allocations", GetAllocations.HandleAsync)
            .WithName("GetCaseAllocations").WithSummary("Lead team, key worker and team manager history, or who held the case on a date (REF-24)");
        cases.MapPost("/{id:guid}/transfers", TransferCase.RequestAsync)
            .WithName("RequestCaseTransfer").WithSummary("Ask another team to take the lead, with a transfer summary (REF-25)");
        cases.MapPost("/{id:guid}/transfers/{transferId:guid}/accept", TransferCase.AcceptAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("AcceptCaseTransfer").WithSummary("The receiving team accepts the transfer; until then the current team stays responsible (REF-06)");
        cases.MapPost("/{id:guid}/transfers/{transferId:guid}/decline", TransferCase.DeclineAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("DeclineCaseTransfer").WithSummary("The receiving team declines the transfer, with a rationale");
        cases.MapPost("/{id:guid}/transfers/{transferId:guid}/approve", TransferCase.ApproveAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("ApproveCaseTransfer").WithSummary("A manager approves the transfer with a rationale (REF-25)");
        cases.MapGet("/{id:guid}/open-items", CloseCase.OpenItemsAsync)
            .WithName("GetCaseOpenItems").WithSummary("What is still open on the case and would stop or need a decision at closure (REF-25)");
        cases.MapPost("/{id:guid}/close", CloseCase.HandleAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("CloseCase").WithSummary("Close a case with a summary and a team manager's rationale once nothing is open (REF-25, REF-09)");

        var teams = app.MapGroup("/api/referrals/teams").RequireAuthorization(Policies.CaseStaff).WithTags("Cases");
        teams.MapPost("/{team}/manager", TeamManagers.AssignAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("AssignTeamManager").WithSummary("Record who manages a team from now; the previous manager's assignment ends at the same instant (REF-24)");
        teams.MapGet("/{team}/manager", TeamManagers.GetAsync)
            .WithName("GetTeamManager").WithSummary("Who managed the team on a date, or the whole history (REF-24)");
        return app;
    }
}
