using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;

namespace Support.Referrals.Features.RiskAssessments;

public static class ListRiskAssessments
{
    public static async Task<Ok<IReadOnlyList<RiskAssessmentResponse>>> HandleAsync(
        Guid id, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.RiskAssessments.AsNoTracking()
            .Where(a => a.YoungPersonId == id)
            .OrderByDescending(a => a.RecordedAt)
            .GroupJoin(db.RiskAssessmentCountersignatures, a => a.Id, c => c.AssessmentId, (a, c) => new { a, c })
            .SelectMany(x => x.c.DefaultIfEmpty(), (x, c) => new { x.a, c })
            .Take(500)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RiskAssessmentResponse>>(rows.Select(r => RiskAssessmentResponse.From(r.a, r.c)).ToList());
    }
}
