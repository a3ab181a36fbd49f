using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.SupportLine.Domain;

namespace Support.SupportLine.Data;

/// <summary>
/// The row Twilio's SID names, locked until the current transaction ends. Twilio's status callbacks for one text or
/// call can arrive at the same moment; each must see the state the other left, or a forward-only state read stale
/// would be written back over a later one ("ringing" over "completed").
/// </summary>
internal static class RowLocks
{
    private const string LockCallSql = $"SELECT * FROM \"{SupportLineDbContext.Schema}\".outbound_calls WHERE twilio_sid = @sid FOR UPDATE";
    private const string LockTextSql = $"SELECT * FROM \"{SupportLineDbContext.Schema}\".outbound_messages WHERE twilio_sid = @sid FOR UPDATE";

    public static Task<OutboundCall?> LockedCallAsync(this SupportLineDbContext db, string sid, CancellationToken cancellationToken) =>
        LockedAsync(db, db.OutboundCalls, LockCallSql, sid, cancellationToken);

    public static Task<OutboundSms?> LockedTextAsync(this SupportLineDbContext db, string sid, CancellationToken cancellationToken) =>
        LockedAsync(db, db.OutboundMessages, LockTextSql, sid, cancellationToken);

    private static async Task<T?> LockedAsync<T>(SupportLineDbContext db, DbSet<T> rows, string sql, string sid, CancellationToken cancellationToken)
        where T : class
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A row lock lasts until its transaction commits: begin one first.");
        }
        var locked = await rows.FromSqlRaw(sql, new NpgsqlParameter("sid", sid)).AsTracking().ToListAsync(cancellationToken);
        return locked.FirstOrDefault();
    }
}
