using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Support.Bench.Load;
using Support.Bench.Relay;
using Support.Bench.Reporting;
using Support.Outreach.Data;
using Support.Outreach.Features.Reports;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Reporting;
using Support.ServiceDefaults.Time;

namespace Support.Bench.Benchmarks;

/// <summary>
/// Issue 11, OUT-08: the hotspot report over 1,000,000 contacts, warm. A scratch database gets the Outreach schema (the
/// service's own migrations, append-only triggers included) and is seeded with set-based SQL (never the platform's own
/// database): 50 locations, 20,000 registered young people and 10,000 aliases (two in five matched to a registered
/// young person), contacts spread over the last 12 London months (most at a few busy places, some with a free-text
/// place and no location, a quarter with a concern level, a few recorded late), of which 20,000 are corrections of
/// another contact. The seed is written at the schema before the HotspotReadModel migration, which then runs as it does
/// on an upgrade and fills the report's read model from those contacts (no other filling: the figure is the read
/// model as production gets it). Then the production <see cref="HotspotReport.HandleAsync"/> runs in-process, as a team manager
/// asks for it (suppressed counts), each call with its own <see cref="OutreachDbContext"/> as a request scope would:
/// a few warm-up calls, then timed calls one after another. The figure is the handler's wall clock (the read-model
/// query, the locations and the small-number suppression), not HTTP or JSON. The database is dropped afterwards, or on cancel.
/// </summary>
public sealed class OutreachHotspotsBenchmark(BenchSettings settings) : IBenchmark
{
    public static readonly Target WarmP95 = Target.Max(200);
    private const int Locations = 50;
    private const int YoungPeople = 20_000;
    private const int Aliases = 10_000;
    private const double AliasShare = 0.3;
    private const int Corrections = 20_000;
    private static readonly TimeSpan SeedCommandTimeout = TimeSpan.FromMinutes(15);
    private const string ReadModelMigration = "HotspotReadModel";
    private static readonly string[] SeededTables = ["locations", "aliases", "alias_matches", "contacts"];
    private static readonly string[] ReadModelTables =
        ["hotspot_visits", "hotspot_visit_counts", "hotspot_young_person_months", "hotspot_young_person_month_counts"];

    public string Name => "outreach-hotspots";
    public string Title => "Outreach hotspot report over 1,000,000 contacts (production HotspotReport, scratch database, warm)";

    public IEnumerable<(string Name, Target? Target)> PlannedFigures => [("outreach-hotspots.warm_p95_ms", WarmP95)];

    private int Contacts => settings.Quick ? 250_000 : 1_000_000;
    private int WarmupCalls => settings.Quick ? 2 : 3;
    private int TimedCalls => settings.Quick ? 8 : 30;

    public async Task RunAsync(Report report, CancellationToken cancellationToken)
    {
        var suffix = $"{DateTime.UtcNow:yyyyMMddHHmmss}_{Random.Shared.Next(1000):000}";
        await using var database = await ScratchDatabase.CreateAsync(settings.PostgresAdmin, $"support_bench_outreach_{suffix}", cancellationToken);
        var options = new DbContextOptionsBuilder<OutreachDbContext>()
            .UseNpgsql(database.ConnectionString, o => o.MigrationsHistoryTable("__ef_migrations_history", OutreachDbContext.Schema))
            .UseSnakeCaseNamingConvention()
            .Options;
        // The contacts go in before the read model exists, and the HotspotReadModel migration fills it, as it does when
        // a database with contacts is upgraded: the figure is the report over the read model as production gets it.
        string beforeReadModel;
        await using (var db = new OutreachDbContext(options))
        {
            beforeReadModel = ScratchDatabase.MigrationBefore(db, ReadModelMigration);
            await db.GetService<IMigrator>().MigrateAsync(beforeReadModel, cancellationToken);
        }

        // The report's default window: the 12 London months up to and including this one.
        var clock = TimeProvider.System;
        var now = clock.GetUtcNow();
        var today = London.Today(clock);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var from = London.StartOf(thisMonth.AddMonths(-11));
        var seeding = Clock.Now;
        await SeedAsync(database.ConnectionString, Contacts, from, now, cancellationToken);
        var seeded = Clock.SecondsBetween(seeding, Clock.Now);
        report.Info(Name, "outreach-hotspots.seed_s", seeded, 1,
            $"{Contacts:N0} contacts ({Corrections:N0} of them corrections), {Locations} locations, {Aliases:N0} aliases, set-based INSERT ... SELECT");
        var vacuuming = Clock.Now;
        await database.VacuumAnalyzeAsync(OutreachDbContext.Schema, SeededTables, cancellationToken);
        report.Info(Name, "outreach-hotspots.vacuum_analyze_s", Clock.SecondsBetween(vacuuming, Clock.Now), 1,
            "VACUUM (ANALYZE) of the seeded tables, as autovacuum leaves an insert-only table; not timed in the report figures");
        var upgrading = Clock.Now;
        await using (var db = new OutreachDbContext(options))
        {
            db.Database.SetCommandTimeout(SeedCommandTimeout);
            await db.Database.MigrateAsync(cancellationToken);
        }
        report.Info(Name, "outreach-hotspots.upgrade_s", Clock.SecondsBetween(upgrading, Clock.Now), 1,
            $"the migrations after {beforeReadModel}: {ReadModelMigration} fills the report's read model from the seeded contacts");
        await database.VacuumAnalyzeAsync(OutreachDbContext.Schema, ReadModelTables, cancellationToken);

        var manager = ReportReaders.As(Roles.TeamManager);
        for (var i = 0; i < WarmupCalls; i++)
        {
            var (_, response) = await CallAsync(options, manager, clock, cancellationToken);
            if (i == 0)
            {
                Check(report, response);
            }
        }
        var latency = new LatencyRecorder();
        for (var i = 0; i < TimedCalls; i++)
        {
            var (elapsed, _) = await CallAsync(options, manager, clock, cancellationToken);
            latency.RecordElapsed(elapsed.From, elapsed.To);
        }
        report.Note($"{WarmupCalls} warm-up calls, then {TimedCalls} timed calls one after another (default window: the last 12 London months, as a team manager)");
        report.Info(Name, "outreach-hotspots.warm_p50_ms", latency.PercentileMs(50), 1);
        report.Add(Name, "outreach-hotspots.warm_p95_ms", latency.PercentileMs(95), 1, WarmP95,
            $"{Contacts:N0} contacts; p95 of {TimedCalls} calls is close to their second-slowest");
        report.Info(Name, "outreach-hotspots.warm_max_ms", latency.MaxMs, 1);

        // Not timed: the exact report (as an auditor sees it) must equal the same counts taken from the contacts.
        var compared = await CompareWithContactsAsync(options, database.ConnectionString, clock, from, London.StartOf(thisMonth.AddMonths(1)), cancellationToken);
        report.Note($"exact report (auditor) equals the counts taken from the contacts: {compared} cells and totals compared");
    }

    /// <summary>
    /// Every cell and total of the exact report against <see cref="HotspotCounting.CountFromContactsSql"/> over the same
    /// window: the read model, filled by the migration, must give the report's definition exactly. Throws on a difference.
    /// </summary>
    private static async Task<int> CompareWithContactsAsync(DbContextOptions<OutreachDbContext> options, string connectionString, TimeProvider clock,
        DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var (_, exact) = await CallAsync(options, ReportReaders.As(Roles.Auditor), clock, cancellationToken);
        var expected = new Dictionary<(Guid?, string?), (int, int, int)>();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(HotspotCounting.CountFromContactsSql, connection) { CommandTimeout = (int)SeedCommandTimeout.TotalSeconds };
            command.Parameters.AddWithValue("from", from.UtcDateTime);
            command.Parameters.AddWithValue("until", until.UtcDateTime);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var location = reader.GetInt32(2) == 1 ? (Guid?)null : reader.GetGuid(0);
                var month = reader.GetInt32(3) == 1 ? null : DateOnly.FromDateTime(reader.GetDateTime(1)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
                expected[(location, month)] = (reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6));
            }
        }
        var actual = new Dictionary<(Guid?, string?), (int, int, int)>();
        static (int, int, int) Of(ReportCount contacts, ReportCount concerns, ReportCount youngPeople) =>
            (contacts.Value ?? -1, concerns.Value ?? -1, youngPeople.Value ?? -1);
        foreach (var location in exact.Locations)
        {
            foreach (var month in location.Months)
            {
                actual[(location.LocationId, month.Month)] = Of(month.Contacts, month.Concerns, month.YoungPeople);
            }
            actual[(location.LocationId, null)] = Of(location.Total.Contacts, location.Total.Concerns, location.Total.YoungPeople);
        }
        foreach (var month in exact.MonthTotals)
        {
            actual[(null, month.Month)] = Of(month.Contacts, month.Concerns, month.YoungPeople);
        }
        actual[(null, null)] = Of(exact.Total.Contacts, exact.Total.Concerns, exact.Total.YoungPeople);
        var differences = actual.Keys.Union(expected.Keys)
            .Where(key => actual.GetValueOrDefault(key) != expected.GetValueOrDefault(key))
            .ToList();
        return differences.Count == 0
            ? actual.Count
            : throw new InvalidOperationException($"the exact hotspot report differs from the contacts in {differences.Count} cells or totals, "
                + $"first {differences[0]}: report {actual.GetValueOrDefault(differences[0])}, contacts {expected.GetValueOrDefault(differences[0])}");
    }

    private static async Task<((long From, long To) Elapsed, HotspotReport.Response Response)> CallAsync(
        DbContextOptions<OutreachDbContext> options, ClaimsPrincipal reader, TimeProvider clock, CancellationToken cancellationToken)
    {
        var started = Clock.Now;
        await using var db = new OutreachDbContext(options);
        var result = await HotspotReport.HandleAsync(from: null, to: null, reader, db, clock, cancellationToken);
        var done = Clock.Now;
        return result.Result is Ok<HotspotReport.Response> { Value: { } response }
            ? ((started, done), response)
            : throw new InvalidOperationException($"the hotspot report refused the default window ({result.Result.GetType().Name})");
    }

    /// <summary>The report must have seen the seeded contacts, or the figure would time an empty report.</summary>
    private void Check(Report report, HotspotReport.Response response)
    {
        var counted = response.Total.Contacts.Value ?? 0;
        if (response.Locations.Count == 0 || counted < Contacts / 2)
        {
            throw new InvalidOperationException(
                $"the hotspot report counted {counted} contacts at {response.Locations.Count} locations; {Contacts} were seeded");
        }
        report.Note($"report: {response.Months.Count} months ({response.From} to {response.To}), {response.Locations.Count} locations, "
            + $"{response.Total.Contacts} contacts, {response.Total.Concerns} concerns, {response.Total.YoungPeople} young people counted ({response.Disclosure})");
    }

    /// <summary>
    /// Set-based seeding in one session (so <c>setseed</c> makes the draws repeatable). Ids are md5-derived UUIDs, so
    /// contacts can name aliases and locations, and corrections their original, without a lookup table. The subquery
    /// draws each row's random numbers once (PostgreSQL does not flatten a subquery with volatile functions).
    /// </summary>
    private static async Task SeedAsync(string connectionString, int contacts, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var originals = contacts - Corrections;
        var stride = originals / Corrections;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT setseed(0.2026)", cancellationToken);
        await ExecuteAsync(connection, """
            INSERT INTO outreach.locations (id, name, type, area, latitude, longitude, recorded_at, recorded_by, idempotency_key)
            SELECT md5('location-' || n)::uuid, 'Bench place ' || n,
                   (ARRAY['Park','Takeaway','TaxiOrOperator','TransportInterchange','HotelOrBnB','Alleyway','TownCentre','SchoolGate','ShoppingCentre','HouseOpenHouse'])[1 + n % 10],
                   'Bench', round(53.4000 + n * 0.0007, 6), round(-1.3600 + n * 0.0005, 6), @from - interval '30 days', 'bench-seed', NULL
            FROM generate_series(1, @locations) n
            """, cancellationToken, ("from", from.UtcDateTime), ("locations", Locations));
        await ExecuteAsync(connection, """
            INSERT INTO outreach.aliases (id, name, approximate_age, area, description, gender, ethnicity, recorded_at, recorded_by, recorded_by_role, idempotency_key)
            SELECT md5('alias-' || n)::uuid, 'Bench alias ' || n, 12 + n % 6, 'Bench', NULL,
                   CASE WHEN n % 3 = 0 THEN NULL ELSE 'Female' END, NULL, @from - interval '30 days', 'bench-seed', 'OutreachWorker', NULL
            FROM generate_series(1, @aliases) n
            """, cancellationToken, ("from", from.UtcDateTime), ("aliases", Aliases));
        // OUT-02: two aliases in five matched to a registered young person (who may also have contacts of their own).
        await ExecuteAsync(connection, """
            INSERT INTO outreach.alias_matches (id, alias_id, young_person_id, reason, matched_at, matched_by, matched_by_role)
            SELECT md5('match-' || n)::uuid, md5('alias-' || n)::uuid, md5('young-person-' || (1 + (n * 7) % @people))::uuid,
                   'Bench match', @from, 'bench-seed', 'OutreachWorker'
            FROM generate_series(1, @aliases) n
            WHERE n % 5 < 2
            """, cancellationToken, ("from", from.UtcDateTime), ("aliases", Aliases), ("people", YoungPeople));
        // Busy places: location k gets a share that falls with k (the square of a uniform draw).
        await ExecuteAsync(connection, """
            INSERT INTO outreach.contacts (id, young_person_id, alias_id, channel, contacted_at, location_id, place, notes, concern,
                recorded_at, recorded_by, recorded_by_role, recorded_late, corrects, correction_reason, source, idempotency_key)
            SELECT md5('contact-' || d.g)::uuid,
                   CASE WHEN d.by_alias THEN NULL ELSE md5('young-person-' || d.person)::uuid END,
                   CASE WHEN d.by_alias THEN md5('alias-' || d.alias)::uuid END,
                   (ARRAY['Street','Street','Phone','Sms','DropIn'])[1 + d.g % 5],
                   d.contacted_at,
                   CASE WHEN d.free_text THEN NULL ELSE md5('location-' || d.location)::uuid END,
                   CASE WHEN d.free_text THEN 'Behind the parade of shops' END,
                   'Bench contact ' || d.g || ': seen by the shops with the older group, said she was fine and going home; given the drop-in card.',
                   CASE d.concern WHEN 0 THEN 'Low' WHEN 1 THEN 'Medium' WHEN 2 THEN 'High' WHEN 3 THEN 'VeryHigh' END,
                   d.contacted_at + CASE WHEN d.late THEN interval '3 days' ELSE interval '20 minutes' END,
                   'bench-worker-' || (d.g % 40), 'OutreachWorker', d.late, NULL, NULL, 'app', NULL
            FROM (
                SELECT g,
                       random() < @aliasShare AS by_alias,
                       1 + floor(random() * @people)::int AS person,
                       1 + floor(random() * @aliases)::int AS alias,
                       1 + floor(@locations * power(random(), 2))::int AS location,
                       random() < 0.05 AS free_text,
                       floor(random() * 16)::int AS concern,
                       random() < 0.03 AS late,
                       @from + random() * (@until - @from) AS contacted_at
                FROM generate_series(1, @originals) g
            ) d
            """, cancellationToken,
            ("from", from.UtcDateTime), ("until", until.UtcDateTime), ("originals", originals), ("people", YoungPeople),
            ("aliases", Aliases), ("locations", Locations), ("aliasShare", AliasShare));
        // REC-01: a correction is a new contact pointing at the one it corrects (here: the place was wrong); the report
        // counts the correction, not the original.
        await ExecuteAsync(connection, """
            INSERT INTO outreach.contacts (id, young_person_id, alias_id, channel, contacted_at, location_id, place, notes, concern,
                recorded_at, recorded_by, recorded_by_role, recorded_late, corrects, correction_reason, source, idempotency_key)
            SELECT md5('correction-' || k)::uuid, o.young_person_id, o.alias_id, o.channel, o.contacted_at,
                   md5('location-' || (1 + k % @locations))::uuid, NULL, o.notes, o.concern,
                   o.recorded_at + interval '1 day', o.recorded_by, o.recorded_by_role, o.recorded_late, o.id, 'The place was recorded wrongly.', 'app', NULL
            FROM generate_series(1, @corrections) k
            JOIN outreach.contacts o ON o.id = md5('contact-' || (k * @stride))::uuid
            """, cancellationToken, ("locations", Locations), ("corrections", Corrections), ("stride", stride));
        await using var count = new NpgsqlCommand("SELECT count(*) FROM outreach.contacts", connection);
        var rows = (long)(await count.ExecuteScalarAsync(cancellationToken) ?? 0L);
        if (rows != contacts)
        {
            throw new InvalidOperationException($"seeding left {rows} contacts, not {contacts}");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = (int)SeedCommandTimeout.TotalSeconds };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
