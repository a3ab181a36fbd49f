using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Risk;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.RiskAssessments;

/// <summary>A team or senior manager countersigns a lowered level, which then comes into force (REF-14, REF-15).</summary>
public static class CountersignRiskAssessment
{
    private static readonly string[] Managers = [Roles.TeamManager, Roles.SeniorManager];

    public static async Task<Results<Ok<RiskAssessmentResponse>, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Guid assessmentId, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var assessment = await db.RiskAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assessmentId && a.YoungPersonId == id, cancellationToken);
        if (assessment is null)
        {
            return TypedResults.NotFound();
        }
        var manager = user.ToAuthor(clock, Managers);
        if (!assessment.RequiresCountersignature)
        {
            return Conflicts.Problem("This assessment does not need a countersignature.");
        }
        if (await db.RiskAssessmentCountersignatures.AnyAsync(c => c.AssessmentId == assessmentId, cancellationToken))
        {
            return Conflicts.Problem("This assessment is already countersigned.");
        }
        if (manager.UserId == assessment.RecordedBy)
        {
            // Four eyes: the approver of a lowered level is not the person who chose it (REF-15).
            return TypedResults.Problem(title: "A manager cannot countersign their own assessment.", statusCode: StatusCodes.Status403Forbidden);
        }
        var current = await db.CurrentRiskLevels.SingleOrDefaultAsync(c => c.YoungPersonId == id, cancellationToken);
        if (current is null || current.SourceId != assessment.Id)
        {
            return Conflicts.Problem("A newer assessment or review has set the level since; countersign that one or record a new assessment.");
        }
        var countersignature = RiskAssessmentCountersignature.For(assessment, manager);
        db.RiskAssessmentCountersignatures.Add(countersignature);
        RiskAssessing.PutInForce(db, outbox, current, assessment, assessment.ChosenLevel, manager.UserId, manager.At);
        if (await RiskLevelSaving.SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Ok(RiskAssessmentResponse.From(assessment, countersignature));
    }
}
