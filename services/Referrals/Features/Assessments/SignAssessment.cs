using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.Referrals.Domain.Assessments;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Assessments;

/// <summary>
/// REF-17: the author signs the assessment as it stands. Every section the brief requires must be there, and every
/// involved worker invited with a reply or a recorded non-reply; otherwise 422 naming each missing section
/// (<c>childsAccount</c>, <c>impact</c>, <c>analysis</c>, <c>needsAndPlan</c>, <c>contributions</c>). Signing again
/// after a change is a new signature; the manager signs off only the latest.
/// </summary>
public static class SignAssessment
{
    public static async Task<Results<Ok<AssessmentView>, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, ClaimsPrincipal user, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var assessment = await db.Set<Assessment>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null)
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock, AssessmentEndpoints.WriterRoles);
        var parts = await AssessmentRecords.PartsAsync(db, id, cancellationToken);
        if (parts.LatestSignature is { } signed && signed.Version == assessment.Version && !assessment.IsCompleted)
        {
            return Conflicts.Problem($"This version of the assessment was already signed by {signed.SignedBy}.");
        }
        try
        {
            var signature = assessment.Sign(await AssessmentRecords.MissingAsync(db, assessment, parts, author.UserId, cancellationToken), author);
            db.Set<AssessmentSignature>().Add(signature);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (AssessmentIncompleteException incomplete)
        {
            var errors = new ValidationErrors();
            foreach (var missing in incomplete.Missing)
            {
                errors.Add(missing.Field, missing.Message);
            }
            return errors.ToUnprocessable();
        }
        catch (DomainConflictException conflict)
        {
            return Conflicts.Problem(conflict.Message);
        }
        return TypedResults.Ok(await AssessmentRecords.ViewAsync(db, assessment, author.At, cancellationToken));
    }
}
