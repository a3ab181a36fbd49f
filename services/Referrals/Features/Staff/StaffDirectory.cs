using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Staff;

namespace Support.Referrals.Features.Staff;

/// <summary>COM-10: who may own an action now: registered staff who have not been deactivated.</summary>
internal static class StaffDirectory
{
    public static IQueryable<StaffMember> Active(ReferralsDbContext db) =>
        db.Set<StaffMember>().Where(s => !db.Set<StaffDeactivation>().Any(d => d.UserId == s.UserId));

    /// <summary>The user ids among <paramref name="userIds"/> that are not active staff.</summary>
    public static async Task<HashSet<string>> NotActiveAsync(ReferralsDbContext db, IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        var wanted = userIds.Distinct(StringComparer.Ordinal).ToList();
        var active = await Active(db).Where(s => wanted.Contains(s.UserId)).Select(s => s.UserId).ToListAsync(cancellationToken);
        return [.. wanted.Except(active, StringComparer.Ordinal)];
    }

    public static string NotActiveMessage(string field, string owner) =>
        $"'{field}' must be the user id of an active member of staff (COM-10): '{owner}' is not registered or has been deactivated.";
}
