using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Assessments;
using Support.ServiceDefaults.Audit;

namespace Support.Referrals.Features.Assessments;

/// <summary>One assessment in full, with what still stops it being signed (audited).</summary>
public static class GetAssessment
{
    public static async Task<Results<Ok<AssessmentView>, NotFound>> HandleAsync(
        Guid id, ReferralsDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var assessment = await db.Set<Assessment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null)
        {
            return TypedResults.NotFound();
        }
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, [assessment.YoungPersonId], AccessActions.Read, cancellationToken);
        return TypedResults.Ok(await AssessmentRecords.ViewAsync(db, assessment, clock.GetUtcNow(), cancellationToken));
    }
}
