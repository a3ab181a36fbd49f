using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.ManagerTasks;

/// <summary>REF-07: the safeguarding decisions a legal flag asks of a team manager, and their completion with a decision.</summary>
public static class ManagerTaskEndpoints
{
    public static IEndpointRouteBuilder MapManagerTaskEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/referrals/manager-tasks").RequireAuthorization(Policies.TeamManagers).WithTags("Manager tasks");
        group.MapGet("/", ListManagerTasks.HandleAsync).WithName("ListManagerTasks")
            .WithSummary("Open manager tasks, oldest first (or every task with status=all); each young person shown is audited");
        group.MapPost("/{id:guid}/complete", CompleteManagerTask.HandleAsync).WithName("CompleteManagerTask")
            .WithSummary("Complete a manager task with the safeguarding decision (REF-07)");
        return app;
    }
}
