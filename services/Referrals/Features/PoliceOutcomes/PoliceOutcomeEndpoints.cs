using Support.Referrals.Features.YoungPeople;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.PoliceOutcomes;

/// <summary>
/// Police outcomes on a young person's record (REF-09, MA-01). Police liaison records them; every case-staff role may
/// too (the police liaison role is one of them), and commissioners get 403 like everywhere identifiable. Reads are
/// audited (REC-08).
/// </summary>
public static class PoliceOutcomeEndpoints
{
    public static IEndpointRouteBuilder MapPoliceOutcomeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/referrals/young-people/{id:guid}/police-outcomes")
            .RequireAuthorization(Policies.CaseStaff).WithTags("Police outcomes");
        group.MapPost("/", RecordPoliceOutcome.HandleAsync).WithName("RecordPoliceOutcome")
            .WithSummary("Record a police outcome, or a correction of one; it never closes a case or lowers a risk level (REF-09)");
        group.MapGet("/", ListPoliceOutcomes.HandleAsync).WithName("ListPoliceOutcomes")
            .WithSummary("A young person's police outcomes, newest first, corrections beside what they correct (audited)")
            .AuditsReadOf(YoungPeopleEndpoints.SubjectType);
        group.MapGet("/{outcomeId:guid}", GetPoliceOutcome.HandleAsync).WithName("GetPoliceOutcome").WithSummary("One police outcome (audited)")
            .AuditsReadOf(YoungPeopleEndpoints.SubjectType);
        return app;
    }
}
