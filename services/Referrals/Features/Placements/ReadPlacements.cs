using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.ServiceDefaults.Audit;

namespace Support.Referrals.Features.Placements;

/// <summary>
/// A child's placements (current first, then by start), the placements refused them for cost or shortage, their
/// matching assessments with decisions, and their own risk-to-others flags (REF-26). Audited as a read of the record.
/// </summary>
public static class ReadPlacements
{
    public sealed record PlacementHistory(
        List<PlacementResponse> Placements, List<PlacementRefusalResponse> Refusals, List<MatchingAssessmentResponse> MatchingAssessments,
        List<RiskToOthersResponse> RiskToOthers);

    public static async Task<Results<Ok<PlacementHistory>, NotFound>> HandleAsync(
        Guid id, ReferralsDbContext db, IAccessLog accessLog, CancellationToken cancellationToken)
    {
        if (await db.DateOfBirthOfAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }
        var placements = await db.Placements.AsNoTracking().Where(p => p.YoungPersonId == id)
            .Select(p => new { Placement = p, Ending = db.PlacementEndings.SingleOrDefault(e => e.PlacementId == p.Id) })
            .ToListAsync(cancellationToken);
        var refusals = await db.PlacementRefusals.AsNoTracking().Where(r => r.YoungPersonId == id).OrderBy(r => r.RecordedAt).ToListAsync(cancellationToken);
        var assessments = await db.PlacementMatchingAssessments.AsNoTracking().Where(a => a.YoungPersonId == id)
            .Select(a => new { Assessment = a, Decision = db.PlacementMatchingDecisions.SingleOrDefault(d => d.AssessmentId == a.Id) })
            .ToListAsync(cancellationToken);
        var flags = await db.RiskToOthersFlags.AsNoTracking().Where(f => f.YoungPersonId == id)
            .Select(f => new { Flag = f, Withdrawal = db.RiskToOthersWithdrawals.SingleOrDefault(w => w.FlagId == f.Id) })
            .ToListAsync(cancellationToken);
        await accessLog.RecordAsync(PlacementEndpoints.SubjectType, [id], AccessActions.Read, cancellationToken);
        return TypedResults.Ok(new PlacementHistory(
            [.. placements.OrderBy(p => p.Ending is not null).ThenByDescending(p => p.Placement.StartedOn).ThenByDescending(p => p.Placement.RecordedAt)
                .Select(p => PlacementResponse.From(p.Placement, p.Ending))],
            [.. refusals.Select(PlacementRefusalResponse.From)],
            [.. assessments.OrderBy(a => a.Assessment.RecordedAt).Select(a => MatchingAssessmentResponse.From(a.Assessment, a.Decision))],
            [.. flags.OrderBy(f => f.Flag.RecordedAt).Select(f => RiskToOthersResponse.From(f.Flag, f.Withdrawal))]));
    }
}
