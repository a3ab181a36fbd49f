using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.S47Pathways;

public static class S47PathwayEndpoints
{
    public const string SubjectType = AccessSubjects.YoungPerson;

    public static IEndpointRouteBuilder MapS47PathwayEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/referrals/s47-pathways").RequireAuthorization(Policies.CaseStaff).WithTags("s47 pathways");
        group.MapPost("/", StartS47Pathway.HandleAsync).WithName("StartS47Pathway")
            .WithSummary("Start an s47 pathway at ReasonableCause for a young person (REF-10).");
        group.MapGet("/", ListS47Pathways.HandleAsync).WithName("ListS47Pathways")
            .WithSummary("A young person's pathways (youngPersonId), or every pathway whose current stage is past its deadline (overdue=true) or due later today in London (dueToday=true).");
        group.MapGet("/{id:guid}", GetS47Pathway.HandleAsync).WithName("GetS47Pathway")
            .WithSummary("One pathway with its stage, deadline (UTC and Europe/London) and history.");
        group.MapPost("/{id:guid}/transitions", MoveS47Pathway.HandleAsync).WithName("MoveS47Pathway")
            .WithSummary("Move a pathway to its next stage; 409 names the current stage when the move is not on the pathway.");
        return app;
    }
}
