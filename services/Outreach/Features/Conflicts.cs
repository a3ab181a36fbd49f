using Microsoft.AspNetCore.Http.HttpResults;

namespace Support.Outreach.Features;

internal static class Conflicts
{
    public static ProblemHttpResult Problem(string title, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict, extensions: extensions);
}
