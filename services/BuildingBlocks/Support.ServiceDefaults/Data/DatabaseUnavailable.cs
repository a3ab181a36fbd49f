using Npgsql;

namespace Support.ServiceDefaults.Data;

/// <summary>
/// Whether an exception means the database could not do the work just now, rather than that the request or the code is
/// wrong: PostgreSQL restarting or refusing connections, a connection broken mid-request, the disk of the data folder
/// full, a pool exhausted. Npgsql decides which of its errors are transient (<see cref="NpgsqlException.IsTransient"/>),
/// and a FATAL error from the server is one too; EF Core wraps them, so the whole chain is searched. Such a request is
/// answered 503 with Retry-After (issue 17), never 500: the caller did nothing wrong and may try again.
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>Seconds a caller is asked to wait: about what a PostgreSQL restart takes.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception exception) => TransientCause(exception) is not null;

    /// <summary>The SQLSTATE of the server's refusal when there is one (for the log: it carries no personal data).</summary>
    public static string Reason(Exception exception) => TransientCause(exception) switch
    {
        PostgresException postgres => postgres.SqlState,
        { InnerException: { } inner } => inner.GetType().Name,
        { } other => other.GetType().Name,
        null => "none",
    };

    private static NpgsqlException? TransientCause(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            // A FATAL or PANIC error ends the server's session whatever the request was: PostgreSQL could not start or
            // keep one (for example "could not write init file" when a new session starts on a full data disk).
            if (e is NpgsqlException { IsTransient: true } or PostgresException { InvariantSeverity: "FATAL" or "PANIC" })
            {
                return (NpgsqlException)e;
            }
        }
        return null;
    }
}
