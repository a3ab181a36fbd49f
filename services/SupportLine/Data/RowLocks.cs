using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Support.SupportLine.Data;

internal static class RowLocks
{
    private const string LockCallSql = $"SELECT * FROM \"{SupportLineDbContext.Schema}\".outbound_calls WHERE twilio_sid = @sid FOR UPDATE";
    private const string LockTextSql = $"SELECT * FROM \"{SupportLineDbContext.Schema}\".outbound_messages WHERE twilio_sid = @sid FOR UPDATE";

    /// <summary>
    /// The row Twilio's SID names, locked until the current transaction ends. Twilio's status callbacks for one text
    /// or call can arrive at the same moment; each must see the state the other left, or a forward-only state read
    /// stale would be written back over a later one ("ringing" over "completed").
    /// </summary>
    public static async Task<T?> LockedByTwilioSidAsync<T>(this SupportLineDbContext db, string sid, CancellationToken cancellationToken) where T : class
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A row lock lasts until its transaction commits: begin one first.");
        }
        var sql = typeof(T) == typeof(Domain.OutboundCall) ? LockCallSql
            : typeof(T) == typeof(Domain.OutboundSms) ? LockTextSql
            : throw new ArgumentException($"{typeof(T).Name} has no Twilio SID.");
        var rows = await db.Set<T>()
            .FromSqlRaw(sql, new NpgsqlParameter("sid", sid))
            .AsTracking()
            .ToListAsync(cancellationToken);
        return rows.FirstOrDefault();
    }
}
