using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.Staff;

/// <summary>
/// COM-10 staff directory: who can own an action. Managers register and deactivate; case staff read the active list
/// to choose an owner. In production it can be kept in step with the council's identity provider by the same calls.
/// </summary>
public static class StaffEndpoints
{
    public static IEndpointRouteBuilder MapStaffEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/referrals/staff").RequireAuthorization(Policies.CaseStaff).WithTags("Staff");
        group.MapPost("/", RegisterStaffMember.HandleAsync).RequireAuthorization(Policies.TeamManagers).WithName("RegisterStaffMember")
            .WithSummary("Register a member of staff by sign-in user id, so they can own actions (COM-10)");
        group.MapGet("/", ListStaff.HandleAsync).WithName("ListStaff")
            .WithSummary("Active staff (default), or everyone with their deactivation (status=all)");
        group.MapPost("/{userId}/deactivation", DeactivateStaffMember.HandleAsync).RequireAuthorization(Policies.TeamManagers)
            .WithName("DeactivateStaffMember").WithSummary("Deactivate once, with a reason; 409 listing the open actions they still own (COM-10)");
        return app;
    }

}
