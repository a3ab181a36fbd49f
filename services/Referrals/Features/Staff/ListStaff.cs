using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Staff;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Staff;

/// <summary>
/// The staff directory, by name: the active members (default), whom an action can be given to, or everyone
/// (<c>status=all</c>) with who was deactivated, when and why. No child's data, so not an audited read.
/// </summary>
public static class ListStaff
{
    public static async Task<Results<Ok<IReadOnlyList<StaffMemberResponse>>, ValidationProblem>> HandleAsync(
        string? status, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().When(status is not (null or "active" or "all"), "status", "'status' is 'active' (default) or 'all'.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var rows = await db.Set<StaffMember>().AsNoTracking()
            .GroupJoin(db.Set<StaffDeactivation>(), s => s.UserId, d => d.UserId, (s, d) => new { s, d })
            .SelectMany(x => x.d.DefaultIfEmpty(), (x, d) => new { x.s, d })
            .Where(x => status == "all" || x.d == null)
            .OrderBy(x => x.s.DisplayName).ThenBy(x => x.s.UserId).Take(2000).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<StaffMemberResponse>>([.. rows.Select(x => StaffMemberResponse.From(x.s, x.d))]);
    }
}
