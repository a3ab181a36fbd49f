using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Support.Outreach.Features;

internal static class Conflicts
{
    public static ProblemHttpResult Problem(string title, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict, extensions: extensions);

    /// <summary>A unique key said no: someone else (or the same phone, retrying) wrote the same record at the same moment.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
