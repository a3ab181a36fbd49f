using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Placements;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.ServiceDefaults.Access;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Placements;

/// <summary>
/// REF-27, issue 14 (the carer's journey): the children placed with the signed-in carer now. A placement is listed while
/// it has not ended and its carer relationship (kind Placement, REC-11) is still in force, so the list never names a
/// child the protocol would refuse them. Each child is shown by their preferred or given name and age from the
/// registry's latest details, with the setting, type, start and review-by date. Audited as a read of each child.
/// </summary>
public static class ReadMyPlacements
{
    public sealed record CarerPlacement(
        Guid PlacementId, Guid YoungPersonId, string Name, int Age, string Setting, PlacementType Type, DateOnly StartedOn, DateOnly? ReviewBy);

    public static async Task<Ok<List<CarerPlacement>>> HandleAsync(
        ClaimsPrincipal user, ReferralsDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var carer = user.UserId();
        var placements = await db.Placements.AsNoTracking()
            .Where(p => p.CarerUserId == carer && !db.PlacementEndings.Any(e => e.PlacementId == p.Id)
                && db.Set<SharingRelationship>().Any(r => r.Id == p.CarerRelationshipId && r.EndedAt == null))
            .OrderBy(p => p.StartedOn).ThenBy(p => p.RecordedAt)
            .ToListAsync(cancellationToken);
        var childIds = placements.Select(p => p.YoungPersonId).Distinct().ToList();
        var details = (await db.YoungPersonDetails.AsNoTracking().Where(d => childIds.Contains(d.YoungPersonId)).ToListAsync(cancellationToken))
            .GroupBy(d => d.YoungPersonId)
            .ToDictionary(g => g.Key, g => g.MaxBy(d => d.Version)!);
        var today = London.Today(clock);
        var mine = placements.Where(p => details.ContainsKey(p.YoungPersonId)).Select(p =>
        {
            var child = details[p.YoungPersonId];
            return new CarerPlacement(p.Id, p.YoungPersonId, child.PreferredName ?? child.GivenName, YoungPerson.AgeOn(child.DateOfBirth, today),
                p.Setting, p.Type, p.StartedOn, p.ReviewBy);
        }).ToList();
        await accessLog.RecordAsync(PlacementEndpoints.SubjectType, [.. mine.Select(m => m.YoungPersonId).Distinct()], AccessActions.Read, cancellationToken);
        return TypedResults.Ok(mine);
    }
}
