using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Placements;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Data;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Placements;

/// <summary>
/// REF-26 ("a review of admission criteria and risk assessment processes ... to ensure that young people who pose a
/// risk to others are placed appropriately", Imray recommendation 2): the matching assessment for admitting a child to
/// a setting whose residents' risk to others matches them, and a senior manager's decision on it. The server lists the
/// flags it considers, so an assessment cannot skip one; the author never decides on their own assessment.
/// </summary>
public static class MatchingAssessments
{
    public sealed record Request(Guid? YoungPersonId, string? Setting, string? Analysis, string? SafetyPlan);
    public sealed record DecisionRequest(MatchingDecisionOutcome? Outcome, string? Rationale);

    public static async Task<Results<Created<MatchingAssessmentResponse>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        Request request, ClaimsPrincipal user, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .When(request.YoungPersonId is null || request.YoungPersonId == Guid.Empty, "youngPersonId", "'youngPersonId' is required.")
            .Required("setting", request.Setting, 200)
            .Required("analysis", request.Analysis, 8000)
            .Required("safetyPlan", request.SafetyPlan, 8000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var youngPersonId = request.YoungPersonId!.Value;
        if (await db.DateOfBirthOfAsync(youngPersonId, cancellationToken) is null)
        {
            return errors.Add("youngPersonId", "No young person with this id is registered.").ToUnprocessable();
        }
        var author = user.ToAuthor(clock);
        var flags = await db.MatchingResidentFlagsAsync(youngPersonId, Placement.KeyOf(request.Setting!), London.DateOf(author.At), cancellationToken);
        if (flags.Count == 0)
        {
            return errors.Add("setting", "No current resident of this setting has a risk to others that matches this child: no matching assessment is needed.").ToUnprocessable();
        }
        var assessment = PlacementMatchingAssessment.Record(youngPersonId, request.Setting!, flags, request.Analysis!, request.SafetyPlan!, author);
        db.PlacementMatchingAssessments.Add(assessment);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/referrals/placements/matching-assessments/{assessment.Id}", MatchingAssessmentResponse.From(assessment, null));
    }

    /// <summary>The senior manager's queue: assessments without a decision, oldest first (at most 500; audited).</summary>
    public static async Task<Ok<List<MatchingAssessmentResponse>>> ListPendingAsync(ReferralsDbContext db, IAccessLog accessLog, CancellationToken cancellationToken)
    {
        var pending = await db.PlacementMatchingAssessments.AsNoTracking()
            .Where(a => !db.PlacementMatchingDecisions.Any(d => d.AssessmentId == a.Id))
            .OrderBy(a => a.RecordedAt).Take(500).ToListAsync(cancellationToken);
        if (pending.Count > 0)
        {
            await accessLog.RecordAsync(PlacementEndpoints.SubjectType, [.. pending.Select(a => a.YoungPersonId).Distinct()], AccessActions.Read, cancellationToken);
        }
        return TypedResults.Ok(pending.Select(a => MatchingAssessmentResponse.From(a, null)).ToList());
    }

    public static async Task<Results<Ok<MatchingAssessmentResponse>, ValidationProblem, ProblemHttpResult, NotFound>> DecideAsync(
        Guid id, DecisionRequest request, ClaimsPrincipal user, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("outcome", request.Outcome).Required("rationale", request.Rationale, 4000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var assessment = await db.PlacementMatchingAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null)
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock, [Roles.SeniorManager]);
        if (string.Equals(assessment.RecordedBy, author.UserId, StringComparison.Ordinal))
        {
            return TypedResults.Problem(title: "The author of a matching assessment cannot decide on it",
                detail: "Senior approval is a second pair of eyes (REF-26): another senior manager decides.", statusCode: StatusCodes.Status409Conflict);
        }
        var decision = PlacementMatchingDecision.Of(assessment, request.Outcome!.Value, request.Rationale!, author);
        db.PlacementMatchingDecisions.Add(decision);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return Conflicts.Problem("The matching assessment has already been decided");
        }
        return TypedResults.Ok(MatchingAssessmentResponse.From(assessment, decision));
    }
}
