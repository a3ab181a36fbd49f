using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Support.ServiceDefaults.Data;

public static class UniqueViolations
{
    /// <summary>A unique key said no: someone else (or the same client, retrying) wrote the same record at the same moment.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
