using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Support.ServiceDefaults.Data;

/// <summary>
/// A failed database command is logged by its SQLSTATE and the kind of statement only. EF Core's own failure events
/// (which print the exception, and with it PostgreSQL's detail and context lines, such as the JSON of an outbox payload
/// around a bad character) are switched off in <see cref="ServiceDatabase"/>: personal data never reaches a log.
/// </summary>
public sealed partial class DatabaseErrorLogging(ILogger<DatabaseErrorLogging> logger) : DbCommandInterceptor
{
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Log(eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Log(eventData.Exception);
        return Task.CompletedTask;
    }

    private void Log(Exception exception)
    {
        if (exception is OperationCanceledException || exception.InnerException is OperationCanceledException)
        {
            return;
        }
        // SQLSTATE and table/constraint names are schema, never data; message text, detail and context may be data.
        var state = exception is PostgresException postgres ? postgres.SqlState : "none";
        var table = (exception as PostgresException)?.TableName ?? "";
        var constraint = (exception as PostgresException)?.ConstraintName ?? "";
        LogFailed(logger, exception.GetType().Name, state, table, constraint);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Database command failed: {ExceptionType} SQLSTATE {SqlState} table '{Table}' constraint '{Constraint}'")]
    private static partial void LogFailed(ILogger logger, string exceptionType, string sqlState, string table, string constraint);
}
