using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.Referrals.Domain.Referrals;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Referrals;

internal static class ReferralProblems
{
    public static ValidationErrors Add(this ValidationErrors errors, IEnumerable<RuleViolation> violations)
    {
        foreach (var violation in violations)
        {
            errors.Add(violation.Field, violation.Message);
        }
        return errors;
    }

    /// <summary>409 naming the reason (e.g. <c>ReasonableCause</c> for REF-03) in the title, detail and a <c>reason</c> field.</summary>
    public static ProblemHttpResult Conflict(DomainConflictException conflict) => TypedResults.Problem(
        title: $"The referral does not allow this: {conflict.Reason}.",
        detail: conflict.Message,
        statusCode: StatusCodes.Status409Conflict,
        extensions: new Dictionary<string, object?> { ["reason"] = conflict.Reason });

    public static ProblemHttpResult Unprocessable(RuleViolation violation) => new ValidationErrors().Add(violation.Field, violation.Message).ToUnprocessable();

    public static ProblemHttpResult Forbidden(string detail) => TypedResults.Problem(
        title: "Your role cannot do this.", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    /// <summary>Someone else recorded the same decision or approval at the same moment: a unique index said no.</summary>
    public static bool IsConcurrentChange(this DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException || exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public static ProblemHttpResult ConcurrentChange() => TypedResults.Problem(
        title: "The referral was changed by someone else at the same time.", detail: "Reload it and try again.",
        statusCode: StatusCodes.Status409Conflict);
}
