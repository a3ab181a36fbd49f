using Npgsql;

namespace Support.ServiceDefaults.Data;

/// <summary>
/// Prepared statements on every service's PostgreSQL connections (Npgsql's automatic preparation). A registration fans
/// out to every service, and each consumer runs the same few statements (the inbox row, the projection's upsert, the
/// erased-person check) thousands of times: unprepared, PostgreSQL parses and plans each one again, and on two cores
/// that was most of its CPU time under load (docs/benchmarks.md, "Where publish-to-consume's time goes"). Prepared
/// statements live on the physical connection and survive its return to the pool.
/// </summary>
public static class StatementPreparation
{
    /// <summary>How many distinct statements each physical connection keeps prepared (least recently used replaced).</summary>
    public const int MaxPrepared = 100;

    /// <summary>A statement is prepared on its second run on a connection; one-off report queries never are.</summary>
    public const int MinUsages = 2;

    /// <summary>The connection string with automatic preparation on, unless an operator set it already.</summary>
    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = MaxPrepared;
            builder.AutoPrepareMinUsages = MinUsages;
        }
        return builder.ConnectionString;
    }
}
