using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.OnCall;

/// <summary>
/// REF-28: the on-call rota. Managers put a manager on call for a period; a protective deadline breached out of
/// office hours is routed to whoever is on call (<c>S47StageOverdue.OnCallManager</c>) and says so when nobody is.
/// </summary>
public static class OnCallEndpoints
{
    public static IEndpointRouteBuilder MapOnCallEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/referrals/on-call-shifts").RequireAuthorization(Policies.CaseStaff).WithTags("On call");
        group.MapPost("/", RecordOnCallShift.HandleAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("RecordOnCallShift").WithSummary("Put a manager on call for a period of at most a week (REF-28); the last recorded shift wins where shifts overlap.");
        group.MapGet("/", WhoIsOnCall.HandleAsync)
            .WithName("WhoIsOnCall").WithSummary("The manager on call at an instant (default now), and whether it is out of office hours (REF-28).");
        return app;
    }
}
