using Microsoft.AspNetCore.Http.HttpResults;

namespace Support.Referrals.Features.Assessments;

internal static class AssessmentProblems
{
    internal static ProblemHttpResult Conflict(string title) => TypedResults.Problem(title: title, statusCode: StatusCodes.Status409Conflict);
}
