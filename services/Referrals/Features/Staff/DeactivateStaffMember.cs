using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Staff;
using Support.Referrals.Features.StrategyMeetings;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Data;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Staff;

/// <summary>
/// COM-10: "Deactivating a user forces their open actions to be reassigned, and the deactivation is refused until they
/// are": 409 listing each open strategy action they own (<c>openActions</c>); otherwise a manager deactivates them once,
/// with a reason (400 without).
/// </summary>
public static class DeactivateStaffMember
{
    public sealed record Request(string? Reason);

    public static async Task<Results<Ok<StaffMemberResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        string userId, Request request, ClaimsPrincipal user, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("reason", request.Reason, 1000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var member = await db.Set<StaffMember>().AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (member is null)
        {
            return TypedResults.NotFound();
        }
        if (await db.Set<StaffDeactivation>().AnyAsync(d => d.UserId == userId, cancellationToken))
        {
            return Conflicts.Problem($"'{userId}' has already been deactivated.");
        }
        var open = await StrategyActionOwners.OpenActionsOwnedByAsync(db, userId, cancellationToken);
        if (open.Count > 0)
        {
            return TypedResults.Problem(
                title: $"'{userId}' still owns {open.Count} open action(s): reassign them before deactivating (COM-10).",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["openActions"] = open });
        }
        var deactivation = StaffDeactivation.Of(member, request.Reason!, user.ToAuthor(clock, [Roles.TeamManager, Roles.SeniorManager]));
        db.Set<StaffDeactivation>().Add(deactivation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return Conflicts.Problem($"'{userId}' has already been deactivated.");
        }
        return TypedResults.Ok(StaffMemberResponse.From(member, deactivation));
    }
}
