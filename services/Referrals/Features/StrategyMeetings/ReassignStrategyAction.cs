using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Features.Staff;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Data;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.StrategyMeetings;

/// <summary>
/// COM-10: a manager gives an open strategy action to another owner, who must be active staff (422 naming
/// <c>owner</c>), with a reason; the agreed owner and every handover stay on the action as rows, never an edit. This is
/// how someone leaving hands over their actions before they can be deactivated. A completed action, or one given to
/// the person who has it, is a 409.
/// </summary>
public static class ReassignStrategyAction
{
    public sealed record Request(string? Owner, string? Reason);

    public static async Task<Results<Created<StrategyActionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, Request request, ReferralsDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("owner", request.Owner).Required("reason", request.Reason, 2000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var action = await db.StrategyActions.Include(a => a.Completion).Include(a => a.Deferrals).Include(a => a.Reassignments)
            .SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (action is null)
        {
            return TypedResults.NotFound();
        }
        var owner = request.Owner!.Trim();
        if ((await StaffDirectory.NotActiveAsync(db, [owner], cancellationToken)).Count > 0)
        {
            return errors.Add("owner", StaffDirectory.NotActiveMessage("owner", owner)).ToUnprocessable();
        }
        var author = user.ToAuthor(clock, [Roles.TeamManager, Roles.SeniorManager]);
        try
        {
            action.Reassign(owner, request.Reason!.Trim(), author);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Domain.DomainConflictException conflict)
        {
            return Conflicts.Problem(conflict.Message);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return Conflicts.Problem("The action was reassigned by someone else at the same time: reload it and try again.");
        }
        return TypedResults.Created($"/api/referrals/strategy-actions?youngPersonId={action.YoungPersonId}", StrategyActionResponse.From(action, author.At));
    }
}
