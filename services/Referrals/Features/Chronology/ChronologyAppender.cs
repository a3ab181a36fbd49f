using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.Referrals.Data;
using Support.Referrals.Data.Configurations;
using Support.Referrals.Domain.Chronology;

namespace Support.Referrals.Features.Chronology;

/// <summary>
/// Appends entries to young people's chains inside the caller's transaction. Each chain's head row is locked
/// (<c>SELECT ... FOR UPDATE</c>) until that transaction commits, so concurrent consumers writing about the same young
/// person queue up and the chain never forks or skips a number (REC-04). Heads are locked in young-person id order, so
/// two messages about the same group of children (a strategy meeting, REF-12) cannot deadlock.
/// </summary>
public static class ChronologyAppender
{
    private const string HeadTable = $"\"{ReferralsDbContext.Schema}\".\"{ChronologyHeadConfiguration.Table}\"";
    private const string CreateHeadSql =
        $"INSERT INTO {HeadTable} (young_person_id, last_sequence, last_hash, updated_at) VALUES (@id, 0, '', @at) ON CONFLICT (young_person_id) DO NOTHING";
    private const string LockHeadSql = $"SELECT * FROM {HeadTable} WHERE young_person_id = @id FOR UPDATE";

    public static async Task<IReadOnlyList<ChronologyEntry>> AppendAsync(
        ReferralsDbContext db, TimeProvider clock, IEnumerable<ChronologyDraft> drafts, Guid? sourceMessageId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Appending to a chronology needs a transaction: the head lock lasts until it commits.");
        }
        var recordedAt = clock.GetUtcNow();
        var appended = new List<ChronologyEntry>();
        foreach (var chain in drafts.GroupBy(d => d.YoungPersonId).OrderBy(g => g.Key))
        {
            var head = await LockHeadAsync(db, chain.Key, recordedAt, cancellationToken);
            foreach (var draft in chain)
            {
                var entry = ChronologyEntry.Append(head, draft, sourceMessageId, recordedAt);
                db.ChronologyEntries.Add(entry);
                appended.Add(entry);
            }
        }
        return appended;
    }

    private static async Task<ChronologyHead> LockHeadAsync(ReferralsDbContext db, Guid youngPersonId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // A concurrent first entry for the same young person blocks on this insert until the other commits, then
        // finds the row and waits for its lock like everyone else.
        await db.Database.ExecuteSqlRawAsync(
            CreateHeadSql,
            [new NpgsqlParameter("id", youngPersonId), new NpgsqlParameter("at", at)],
            cancellationToken);
        var heads = await db.ChronologyHeads
            .FromSqlRaw(LockHeadSql, new NpgsqlParameter("id", youngPersonId))
            .AsTracking()
            .ToListAsync(cancellationToken);
        return heads.Single();
    }
}
