using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;

namespace Support.Referrals.Features.RiskAssessments;

public static class GetRiskAssessment
{
    public static async Task<Results<Ok<RiskAssessmentResponse>, NotFound>> HandleAsync(
        Guid id, Guid assessmentId, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        var assessment = await db.RiskAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assessmentId && a.YoungPersonId == id, cancellationToken);
        if (assessment is null)
        {
            return TypedResults.NotFound();
        }
        var countersignature = await db.RiskAssessmentCountersignatures.AsNoTracking().SingleOrDefaultAsync(c => c.AssessmentId == assessmentId, cancellationToken);
        return TypedResults.Ok(RiskAssessmentResponse.From(assessment, countersignature));
    }
}
