using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Support.Outreach.Data;
using Support.Outreach.Domain;

namespace Support.Outreach.Features.Reports;

/// <summary>
/// OUT-08: keeps the hotspot report's read model (Domain/HotspotCounts.cs) exact. Every write that changes what the
/// report counts queues its young person in its own transaction: a contact logged (from the app or texted through the
/// support line), a correction, an alias matched to a registered young person. Each of these touches one young person
/// (two for a match: the alias and the person it becomes). A catch-up recounts their rows from their contacts, compares
/// them with what was counted before, and writes only the differences, to their rows and to the shared counts. The
/// background job (<see cref="HotspotCountUpkeep"/>) catches up every few seconds and the report catches up before it
/// reads, so the report is always exact and a contact never waits for the counts.
/// </summary>
/// <remarks>
/// Recounting from the records, rather than adding one contact, keeps every case on one definition (the same as the
/// HotspotReadModel migration's backfill): a correction that moves a contact, or to a free-text place; a match that
/// merges an alias's months into the person's. Two writes about the same young person are serialised by a transaction
/// advisory lock on them; an alias is always locked before a registered young person, so two writes never wait for
/// each other in a circle. The statements rely on READ COMMITTED: each one, run after the lock is held, sees what the
/// previous holder committed.
///
/// Recounting used to run in the write's own transaction. Contacts about the same young person then waited for each
/// other's locks, and contacts at the same place for one shared row per place and month. At 100 contacts a second on
/// two cores those queues grew until the phones' requests timed out (docs/benchmarks.md, "Contact logging with the
/// hotspot counts caught up"). The shared counts (per place and month, and per month) are also written as change rows,
/// only ever inserted, which the report sums; <see cref="HotspotCountUpkeep"/> folds them back into one per key.
/// </remarks>
public static class HotspotCounting
{
    /// <summary>How many queued recounts one catch-up transaction takes.</summary>
    public const int CatchUpBatch = 200;

    /// <summary>
    /// Queues a recount of the young person a contact, correction or match is about, in the caller's unit of work: the
    /// row commits with the write, so a catch-up that takes it sees the write.
    /// </summary>
    public static void Queue(OutreachDbContext db, Guid? youngPersonId, Guid? aliasId)
    {
        if (youngPersonId is not null || aliasId is not null)
        {
            db.HotspotRecountsDue.Add(new HotspotRecountDue(youngPersonId, aliasId));
        }
    }

    /// <summary>
    /// Recounts every young person queued so far, in transactions of <see cref="CatchUpBatch"/>, and returns how many
    /// queued rows it took. One catch-up runs at a time (a transaction advisory lock), whether the background job's or
    /// a report's, so the recounts of one batch never wait in a circle for another's. Needs no transaction of the caller.
    /// </summary>
    public static async Task<int> CatchUpAsync(OutreachDbContext db, CancellationToken cancellationToken)
    {
        var taken = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(LockCatchUpSql, cancellationToken);
            var due = await TakeDueAsync(db, cancellationToken);
            foreach (var (youngPersonId, aliasId) in due.Distinct())
            {
                await RecountAsync(db, youngPersonId, aliasId, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            taken += due.Count;
            if (due.Count < CatchUpBatch)
            {
                return taken;
            }
        }
    }

    private static async Task<List<(Guid? YoungPersonId, Guid? AliasId)>> TakeDueAsync(OutreachDbContext db, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(TakeDueSql, (NpgsqlConnection)db.Database.GetDbConnection(),
            (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction());
        command.Parameters.Add(new NpgsqlParameter("batch", CatchUpBatch));
        var due = new List<(Guid?, Guid?)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add((reader.IsDBNull(0) ? null : reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1)));
        }
        return due;
    }

    private const string LockCatchUpSql = "SELECT pg_advisory_xact_lock(hashtext('outreach.hotspot-catch-up'))";

    private const string TakeDueSql = """
        DELETE FROM outreach.hotspot_recounts_due
        WHERE id IN (SELECT id FROM outreach.hotspot_recounts_due ORDER BY id LIMIT @batch)
        RETURNING young_person_id, alias_id
        """;

    /// <summary>
    /// Recounts the young person a contact or match is about: <paramref name="aliasId"/> (and, once the lock is held,
    /// the registered young person it is matched to, if any) and <paramref name="youngPersonId"/>, in the caller's
    /// transaction (<see cref="CatchUpAsync"/>'s, or a test's).
    /// </summary>
    public static async Task RecountAsync(OutreachDbContext db, Guid? youngPersonId, Guid? aliasId, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Recounting hotspots needs the transaction of the write that changes them.");
        if (transaction.IsolationLevel is not (IsolationLevel.ReadCommitted or IsolationLevel.Unspecified))
        {
            throw new InvalidOperationException("Recounting hotspots needs READ COMMITTED: each statement must see what the previous lock holder committed.");
        }
        if (youngPersonId is null && aliasId is null)
        {
            return;
        }

        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction)
        {
            BatchCommands =
            {
                Command(LockAliasSql, aliasId),
                Command(LockYoungPersonSql, aliasId, youngPersonId),
                Command(RecountVisitsSql, aliasId, youngPersonId),
                Command(RecountYoungPersonMonthsSql, aliasId, youngPersonId),
            },
        };
        // Prepared once per pooled connection: these statements take longer to plan than to run.
        await batch.PrepareAsync(cancellationToken);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The report's definition read straight from the records (the one GROUPING SETS query the report ran before the
    /// read model, seconds over a million contacts): every cell and total for the instants [<c>@from</c>, <c>@until</c>),
    /// with <c>all_locations</c>/<c>all_months</c> 1 on the totals. Not used to answer the report; the tests and the
    /// benchmark compare the read model with it.
    /// </summary>
    public const string CountFromContactsSql = """
        SELECT location_id, month, grouping(location_id) AS all_locations, grouping(month) AS all_months,
               count(*)::int AS contacts, (count(*) FILTER (WHERE concern IS NOT NULL))::int AS concerns,
               count(DISTINCT subject)::int AS young_people
        FROM (
            SELECT c.location_id,
                   date_trunc('month', c.contacted_at AT TIME ZONE 'Europe/London')::date AS month,
                   c.concern,
                   COALESCE(c.young_person_id, m.young_person_id, c.alias_id) AS subject
            FROM outreach.contacts c
            LEFT JOIN outreach.alias_matches m ON m.alias_id = c.alias_id
            WHERE c.location_id IS NOT NULL AND c.contacted_at >= @from AND c.contacted_at < @until
              AND NOT EXISTS (SELECT 1 FROM outreach.contacts later WHERE later.corrects = c.id)
        ) counted
        GROUP BY GROUPING SETS ((location_id, month), (location_id), (month), ())
        """;

    private static NpgsqlBatchCommand Command(string sql, params Guid?[] ids)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var id in ids)
        {
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = id is { } value ? value : DBNull.Value });
        }
        return command;
    }

    private const string LockAliasSql =
        "SELECT pg_advisory_xact_lock(hashtextextended('outreach.hotspot:' || $1::text, 0)) WHERE $1 IS NOT NULL";

    /// <summary>Only now is the alias's match read: a match committed meanwhile held this alias's lock until it did.</summary>
    private const string LockYoungPersonSql = """
        SELECT pg_advisory_xact_lock(hashtextextended('outreach.hotspot:' || young_person_id::text, 0))
        FROM (SELECT $2::uuid AS young_person_id UNION SELECT young_person_id FROM outreach.alias_matches WHERE alias_id = $1) locked
        WHERE young_person_id IS NOT NULL
        ORDER BY young_person_id
        """;

    /// <summary>The young people recounted: the alias as itself, the young person it is matched to, the young person given.</summary>
    private const string RecountedSql = """
        recounted AS (
            SELECT young_person_key
            FROM (SELECT $1::uuid AS young_person_key UNION SELECT $2::uuid UNION SELECT young_person_id FROM outreach.alias_matches WHERE alias_id = $1) ids
            WHERE young_person_key IS NOT NULL)
        """;

    /// <summary>
    /// Their visits as the report defines them (at a location record, London month, not corrected since; under the
    /// registered young person when the alias is matched), then the three kinds of change to their rows, then the
    /// difference, per (month, place, previous month), added to the shared counts.
    /// </summary>
    /// <remarks>
    /// Their contacts are read one recounted key at a time through the contacts' indexes: each <c>LATERAL</c> subquery
    /// ends in <c>OFFSET 0</c>, which keeps PostgreSQL from flattening it into a join it may plan as a scan of every
    /// contact. The statement is prepared, and after five runs PostgreSQL may keep a generic plan made without the
    /// keys. With six keys estimated at a few hundred contacts each, one such plan was seen reading the whole table for
    /// every recount (37 ms against 3 ms at 36,000 contacts, and growing with the table) while the upkeep's passes kept
    /// PostgreSQL busy on most of a core for seconds. Read per key, a full scan would cost one per key, so the indexes
    /// win by that much more (docs/benchmarks.md, "Contact logging: threads that spin, and a recount that read every
    /// contact").
    /// </remarks>
    private const string RecountVisitsSql = "WITH " + RecountedSql + """
        ,
        their_contacts AS (
            SELECT c.id, c.location_id, c.contacted_at, c.concern, r.young_person_key
            FROM recounted r
            CROSS JOIN LATERAL (
                SELECT c.id, c.location_id, c.contacted_at, c.concern FROM outreach.contacts c
                WHERE c.young_person_id = r.young_person_key AND c.location_id IS NOT NULL
                OFFSET 0) c
            UNION ALL
            SELECT c.id, c.location_id, c.contacted_at, c.concern, COALESCE(m.young_person_id, c.alias_id)
            FROM (SELECT young_person_key AS alias_id FROM recounted
                  UNION SELECT alias_id FROM outreach.alias_matches WHERE young_person_id IN (SELECT young_person_key FROM recounted)) a
            CROSS JOIN LATERAL (
                SELECT c.id, c.location_id, c.contacted_at, c.concern, c.alias_id FROM outreach.contacts c
                WHERE c.alias_id = a.alias_id AND c.location_id IS NOT NULL
                OFFSET 0) c
            LEFT JOIN outreach.alias_matches m ON m.alias_id = c.alias_id),
        visits AS (
            SELECT young_person_key, location_id, month, count(*)::int AS contacts, count(concern)::int AS concerns,
                   COALESCE(lag(month) OVER (PARTITION BY young_person_key, location_id ORDER BY month), '-infinity') AS previous_month
            FROM (SELECT c.young_person_key, c.location_id, date_trunc('month', c.contacted_at AT TIME ZONE 'Europe/London')::date AS month, c.concern
                  FROM their_contacts c
                  WHERE c.young_person_key IN (SELECT young_person_key FROM recounted)
                    AND NOT EXISTS (SELECT 1 FROM outreach.contacts later WHERE later.corrects = c.id)) counted
            GROUP BY young_person_key, location_id, month),
        counted_before AS (
            SELECT young_person_key, location_id, month, contacts, concerns, previous_month
            FROM outreach.hotspot_visits
            WHERE young_person_key IN (SELECT young_person_key FROM recounted)),
        gone AS (
            DELETE FROM outreach.hotspot_visits h
            USING counted_before b
            WHERE (h.young_person_key, h.location_id, h.month) = (b.young_person_key, b.location_id, b.month)
              AND NOT EXISTS (SELECT 1 FROM visits v WHERE (v.young_person_key, v.location_id, v.month) = (b.young_person_key, b.location_id, b.month))),
        changed AS (
            UPDATE outreach.hotspot_visits h
            SET contacts = v.contacts, concerns = v.concerns, previous_month = v.previous_month
            FROM visits v
            WHERE (h.young_person_key, h.location_id, h.month) = (v.young_person_key, v.location_id, v.month)
              AND (h.contacts, h.concerns, h.previous_month) <> (v.contacts, v.concerns, v.previous_month)),
        added AS (
            INSERT INTO outreach.hotspot_visits (young_person_key, location_id, month, contacts, concerns, previous_month)
            SELECT v.young_person_key, v.location_id, v.month, v.contacts, v.concerns, v.previous_month
            FROM visits v
            WHERE NOT EXISTS (SELECT 1 FROM counted_before b WHERE (b.young_person_key, b.location_id, b.month) = (v.young_person_key, v.location_id, v.month)))
        INSERT INTO outreach.hotspot_visit_counts (month, location_id, previous_month, young_people, contacts, concerns)
        SELECT month, location_id, previous_month, sum(young_people), sum(contacts), sum(concerns)
        FROM (SELECT month, location_id, previous_month, 1 AS young_people, contacts, concerns FROM visits
              UNION ALL
              SELECT month, location_id, previous_month, -1, -contacts, -concerns FROM counted_before) difference
        GROUP BY month, location_id, previous_month
        HAVING (sum(young_people), sum(contacts), sum(concerns)) <> (0, 0, 0)
        """;

    /// <summary>The same for the months they were counted anywhere, read from their visits as just recounted.</summary>
    private const string RecountYoungPersonMonthsSql = "WITH " + RecountedSql + """
        ,
        months AS (
            SELECT young_person_key, month,
                   COALESCE(lag(month) OVER (PARTITION BY young_person_key ORDER BY month), '-infinity') AS previous_month
            FROM (SELECT DISTINCT young_person_key, month FROM outreach.hotspot_visits
                  WHERE young_person_key IN (SELECT young_person_key FROM recounted)) seen),
        counted_before AS (
            SELECT young_person_key, month, previous_month
            FROM outreach.hotspot_young_person_months
            WHERE young_person_key IN (SELECT young_person_key FROM recounted)),
        gone AS (
            DELETE FROM outreach.hotspot_young_person_months h
            USING counted_before b
            WHERE (h.young_person_key, h.month) = (b.young_person_key, b.month)
              AND NOT EXISTS (SELECT 1 FROM months m WHERE (m.young_person_key, m.month) = (b.young_person_key, b.month))),
        changed AS (
            UPDATE outreach.hotspot_young_person_months h
            SET previous_month = m.previous_month
            FROM months m
            WHERE (h.young_person_key, h.month) = (m.young_person_key, m.month) AND h.previous_month <> m.previous_month),
        added AS (
            INSERT INTO outreach.hotspot_young_person_months (young_person_key, month, previous_month)
            SELECT m.young_person_key, m.month, m.previous_month
            FROM months m
            WHERE NOT EXISTS (SELECT 1 FROM counted_before b WHERE (b.young_person_key, b.month) = (m.young_person_key, m.month)))
        INSERT INTO outreach.hotspot_young_person_month_counts (month, previous_month, young_people)
        SELECT month, previous_month, sum(young_people)
        FROM (SELECT month, previous_month, 1 AS young_people FROM months
              UNION ALL
              SELECT month, previous_month, -1 FROM counted_before) difference
        GROUP BY month, previous_month
        HAVING sum(young_people) <> 0
        """;

    /// <summary>
    /// Folds each key's change rows into one (<see cref="HotspotCountUpkeep"/>): deletes every row of a key that has
    /// more than one and inserts their sum, unless it is zero. Writes only insert, so this never waits for them; a
    /// second compaction at the same time skips the rows the first deleted and sums only what it deleted itself.
    /// </summary>
    public const string CompactVisitCountsSql = """
        WITH folded AS (
            SELECT month, location_id, previous_month FROM outreach.hotspot_visit_counts
            GROUP BY month, location_id, previous_month HAVING count(*) > 1),
        gone AS (
            DELETE FROM outreach.hotspot_visit_counts c USING folded f
            WHERE (c.month, c.location_id, c.previous_month) = (f.month, f.location_id, f.previous_month)
            RETURNING c.month, c.location_id, c.previous_month, c.young_people, c.contacts, c.concerns)
        INSERT INTO outreach.hotspot_visit_counts (month, location_id, previous_month, young_people, contacts, concerns)
        SELECT month, location_id, previous_month, sum(young_people), sum(contacts), sum(concerns)
        FROM gone
        GROUP BY month, location_id, previous_month
        HAVING (sum(young_people), sum(contacts), sum(concerns)) <> (0, 0, 0)
        """;

    /// <summary>The same for the month totals' counts.</summary>
    public const string CompactYoungPersonMonthCountsSql = """
        WITH folded AS (
            SELECT month, previous_month FROM outreach.hotspot_young_person_month_counts
            GROUP BY month, previous_month HAVING count(*) > 1),
        gone AS (
            DELETE FROM outreach.hotspot_young_person_month_counts c USING folded f
            WHERE (c.month, c.previous_month) = (f.month, f.previous_month)
            RETURNING c.month, c.previous_month, c.young_people)
        INSERT INTO outreach.hotspot_young_person_month_counts (month, previous_month, young_people)
        SELECT month, previous_month, sum(young_people)
        FROM gone
        GROUP BY month, previous_month
        HAVING sum(young_people) <> 0
        """;
}
