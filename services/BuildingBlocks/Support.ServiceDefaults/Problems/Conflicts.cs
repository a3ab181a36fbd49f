using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Support.ServiceDefaults.Problems;

/// <summary>
/// The 409 every service answers when a request is well formed but the record's state forbids it (already decided,
/// already ended, changed by someone else): a ProblemDetails whose title says why, never a field error.
/// </summary>
public static class Conflicts
{
    public static ProblemHttpResult Problem(string title, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict, extensions: extensions);
}
