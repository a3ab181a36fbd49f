using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.ServiceDefaults.Problems;
using Support.Referrals.Data;

namespace Support.Referrals.Features.RiskAssessments;

/// <summary>Saving a change to the level in force, a countersignature or a task: a lost race is a 409, never a 500.</summary>
internal static class RiskLevelSaving
{
    internal static async Task<ProblemHttpResult?> SaveAsync(ReferralsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflicts.Problem("The risk level was changed by someone else at the same time; reload and try again.");
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Conflicts.Problem("Someone else changed this record at the same time; reload and try again.");
        }
    }

}
