using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.Missing.Domain;
using Support.ServiceDefaults.Problems;

namespace Support.Missing.Features;

/// <summary>Missing's own conflicts: a domain rule's, and a change that raced another.</summary>
internal static class MissingConflicts
{
    public static ProblemHttpResult From(DomainConflictException conflict) => Conflicts.Problem(conflict.Message);

    /// <summary>Someone else changed the same record at the same moment: a unique key or a concurrency token said no.</summary>
    public static bool IsConcurrentChange(this DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException
        || exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public static ProblemHttpResult ConcurrentChange() =>
        Conflicts.Problem("The record was changed by someone else at the same time.", "Reload it and try again.");

    public static ValidationErrors Add(this ValidationErrors errors, IEnumerable<RuleViolation> violations)
    {
        foreach (var violation in violations)
        {
            errors.Add(violation.Field, violation.Message);
        }
        return errors;
    }
}
