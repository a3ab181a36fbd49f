using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Staff;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Data;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Staff;

/// <summary>
/// COM-10: a manager registers a member of staff (any agency) by their sign-in user id, so they can own actions. Once
/// per user id (409); someone deactivated stays deactivated, and their history with them.
/// </summary>
public static class RegisterStaffMember
{
    public sealed record Request(string? UserId, string? DisplayName, string? Role, string? Organisation);

    public static async Task<Results<Created<StaffMemberResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Request request, ClaimsPrincipal user, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("userId", request.UserId).Required("displayName", request.DisplayName)
            .Required("role", request.Role, 100).Required("organisation", request.Organisation);
        errors.When(request.Role is { } role && !string.IsNullOrWhiteSpace(role) && !Roles.All.Contains(role.Trim()), "role", "'role' is not a role of the platform.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var userId = request.UserId!.Trim();
        if (await db.Set<StaffMember>().AnyAsync(s => s.UserId == userId, cancellationToken))
        {
            return Conflicts.Problem($"'{userId}' is already registered.");
        }
        var member = StaffMember.Register(userId, request.DisplayName!.Trim(), request.Role!.Trim(), request.Organisation!.Trim(),
            user.ToAuthor(clock, [Roles.TeamManager, Roles.SeniorManager]));
        db.Set<StaffMember>().Add(member);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return Conflicts.Problem($"'{userId}' is already registered.");
        }
        return TypedResults.Created($"/api/referrals/staff/{Uri.EscapeDataString(userId)}", StaffMemberResponse.From(member, null));
    }
}
