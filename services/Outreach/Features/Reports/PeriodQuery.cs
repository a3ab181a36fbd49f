using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.Outreach.Data;

namespace Support.Outreach.Features.Reports;

/// <summary>
/// Runs a report's own SQL (a shape EF does not express: GROUPING SETS, distinct subjects across aliases) over the
/// instants [<c>@from</c>, <c>@until</c>), or over the months <c>@first</c> to <c>@last</c>, on the context's connection,
/// opening it only if EF has not, and reads each row.
/// </summary>
internal static class PeriodQuery
{
    public static Task<List<T>> ReadAsync<T>(OutreachDbContext db, string sql, DateTimeOffset from, DateTimeOffset until,
        Func<DbDataReader, T> row, CancellationToken cancellationToken) =>
        ReadAsync(db, sql, [new NpgsqlParameter("from", from.UtcDateTime), new NpgsqlParameter("until", until.UtcDateTime)], row, cancellationToken);

    /// <summary>The same over whole London months: <c>@first</c> and <c>@last</c> are the first days of the period's first and last months.</summary>
    public static Task<List<T>> ReadAsync<T>(OutreachDbContext db, string sql, ReportMonths period,
        Func<DbDataReader, T> row, CancellationToken cancellationToken) =>
        ReadAsync(db, sql, [new NpgsqlParameter("first", period.First), new NpgsqlParameter("last", period.Last)], row, cancellationToken);

    private static async Task<List<T>> ReadAsync<T>(OutreachDbContext db, string sql, NpgsqlParameter[] parameters,
        Func<DbDataReader, T> row, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddRange(parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(row(reader));
            }
            return rows;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }
}
