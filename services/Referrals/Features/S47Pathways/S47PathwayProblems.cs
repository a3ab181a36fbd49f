using Microsoft.AspNetCore.Http.HttpResults;
using Support.Contracts.Referrals;

namespace Support.Referrals.Features.S47Pathways;

internal static class S47PathwayProblems
{
    internal static ProblemHttpResult Conflict(string title, S47Stage? currentStage = null) => TypedResults.Problem(
        title: title, statusCode: StatusCodes.Status409Conflict,
        extensions: currentStage is { } stage ? new Dictionary<string, object?> { ["currentStage"] = stage.ToString() } : null);
}
