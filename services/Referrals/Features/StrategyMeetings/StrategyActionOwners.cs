using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;

namespace Support.Referrals.Features.StrategyMeetings;

/// <summary>COM-10: which open strategy actions someone owns now (agreed to them and not handed on, or handed to them last).</summary>
internal static class StrategyActionOwners
{
    public sealed record OwnedAction(Guid ActionId, Guid YoungPersonId, string Description);

    public static async Task<List<OwnedAction>> OpenActionsOwnedByAsync(ReferralsDbContext db, string userId, CancellationToken cancellationToken)
    {
        var candidates = await db.StrategyActions.AsNoTracking().Include(a => a.Reassignments)
            .Where(a => a.Completion == null && (a.Owner == userId || a.Reassignments.Any(r => r.ToOwner == userId)))
            .ToListAsync(cancellationToken);
        return [.. candidates.Where(a => a.CurrentOwner == userId).OrderBy(a => a.DueAt)
            .Select(a => new OwnedAction(a.Id, a.YoungPersonId, a.Description))];
    }
}
