using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Support.Bench.Load;
using Support.Bench.Relay;
using Support.Bench.Reporting;
using Support.LeavingCare;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.LeavingCare.Features.Alerts;
using Support.ServiceDefaults.Time;

namespace Support.Bench.Benchmarks;

/// <summary>
/// Issue 5: the LeavingCare daily alert pass over 100,000 young people. A scratch database gets the LeavingCare schema
/// (the service's own migrations); the pictures are seeded with one binary COPY (ages 10-25 spread evenly, a third on
/// the leaving-care caseload, half of those with an adviser and contacts spread over the last 12 weeks). Then the
/// production <see cref="AlertEngine"/> runs twice, as <c>HandoverAlertJob.RunOnceAsync</c> does: the first pass raises
/// the whole backlog (handover, escalated, keep-in-touch alerts and their outbox rows), the second finds nothing new
/// (exactly once). Run time is wall clock per pass; memory is this process's peak resident set (VmHWM, reset as the
/// passes begin) and the managed bytes allocated during the passes. Needs only PostgreSQL (not the platform). The database is dropped afterwards.
/// </summary>
public sealed class LeavingCareAlertJobBenchmark(BenchSettings settings) : IBenchmark
{
    public static readonly Target Seconds = Target.Max(10);
    public static readonly Target PeakMemoryMb = Target.Max(300);

    public string Name => "alerts";
    public string Title => "LeavingCare daily alert job over 100,000 young people (production AlertEngine, scratch database)";

    public IEnumerable<(string Name, Target? Target)> PlannedFigures =>
        [("alerts.job_first_pass_s", Seconds), ("alerts.job_peak_rss_mb", PeakMemoryMb)];

    private int People => settings.Quick ? 20_000 : 100_000;

    public async Task RunAsync(Report report, CancellationToken cancellationToken)
    {
        var suffix = $"{DateTime.UtcNow:yyyyMMddHHmmss}_{Random.Shared.Next(1000):000}";
        await using var database = await ScratchDatabase.CreateAsync(settings.PostgresAdmin, $"support_bench_lc_{suffix}", cancellationToken);
        var options = new DbContextOptionsBuilder<LeavingCareDbContext>()
            .UseNpgsql(database.ConnectionString, o => o.MigrationsHistoryTable("__ef_migrations_history", LeavingCareDbContext.Schema))
            .UseSnakeCaseNamingConvention()
            .Options;
        await using (var db = new LeavingCareDbContext(options))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        var now = DateTimeOffset.UtcNow;
        var seeding = Clock.Now;
        await SeedAsync(database.ConnectionString, People, now, cancellationToken);
        report.Info(Name, "alerts.seed_rows_per_s", People / Clock.SecondsBetween(seeding, Clock.Now), 0, $"{People} pictures in one binary COPY");
        await using (var db = new LeavingCareDbContext(options))
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE leavingcare.pictures", cancellationToken);
        }

        GC.Collect();
        // The peak is the passes' own: run after other benchmarks in this process, the high-water mark would otherwise
        // be theirs (307 MB in a full run at 062dd78 against 125 MB alone). Linux resets it to the current resident set
        // when "5" is written to /proc/self/clear_refs; what is resident at the start still counts.
        var peakReset = ResetPeakResidentSet();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var residentBeforeMb = process.WorkingSet64 / 1024.0 / 1024.0;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var first = await PassAsync(options, now, cancellationToken);
        var second = await PassAsync(options, now, cancellationToken);
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / 1024.0;
        process.Refresh();
        var peakMb = process.PeakWorkingSet64 / 1024.0 / 1024.0;

        report.Add(Name, "alerts.job_first_pass_s", first.Seconds, 2, Seconds,
            $"{People} young people; raised {first.Result.Handover} handover, {first.Result.Escalated} escalated, {first.Result.KeepInTouch} keep-in-touch alerts and {first.Result.SupportContinued} SupportContinuedPast18 (each with its outbox row)");
        report.Info(Name, "alerts.job_second_pass_s", second.Seconds, 2, $"steady state: {second.Result.Total} new alerts (must be 0: exactly once)");
        report.Add(Name, "alerts.job_peak_rss_mb", peakMb, 0, PeakMemoryMb, peakReset
            ? $"peak resident set of this process during the passes, counted from the {residentBeforeMb:F0} MB resident when they began"
            : "peak resident set of the whole bench process since it started (/proc/self/clear_refs refused: an upper bound for the passes)");
        report.Info(Name, "alerts.rss_before_passes_mb", residentBeforeMb, 0, "resident when the passes began (earlier benchmarks' memory included)");
        report.Info(Name, "alerts.job_allocated_mb", allocated, 1, "managed bytes allocated by both passes (set-based SQL: nothing per young person)");
    }

    /// <summary>Resets this process's peak resident set (VmHWM) to its current one; false where the kernel refuses.</summary>
    private static bool ResetPeakResidentSet()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static async Task<(double Seconds, AlertPassResult Result)> PassAsync(DbContextOptions<LeavingCareDbContext> options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var started = Clock.Now;
        await using var db = new LeavingCareDbContext(options);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await AlertEngine.RunAsync(db, new LeavingCareOptions(), now, youngPersonId: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (Clock.SecondsBetween(started, Clock.Now), result);
    }

    private static async Task SeedAsync(string connectionString, int people, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lcOptions = new LeavingCareOptions();
        var today = London.DateOf(now);
        var random = new Random(20261125);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY leavingcare.pictures (young_person_id, date_of_birth, details_version, pathway_plan_from, eighteenth_birthday, support_until, "
            + "first_known_on, looked_after, on_caseload_since, adviser_user_id, risk_level, risk_indicators, last_contact_at, updated_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        string[] levels = ["Low", "Medium", "High", "VeryHigh"];
        for (var i = 0; i < people; i++)
        {
            // Ages 10 to 25, spread evenly (a birthday on every day, 29 February included).
            var dob = today.AddDays(-random.Next(10 * 365, 25 * 365));
            var onCaseload = i % 3 == 0 && Birthdays.AgeOn(dob, today) >= 16;
            var adviser = onCaseload && i % 2 == 0 ? $"bench-pa-{i % 200:000}" : null;
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(Guid.CreateVersion7(now), NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(dob, NpgsqlDbType.Date, cancellationToken);
            await writer.WriteAsync(1, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(Birthdays.Anniversary(dob, lcOptions.PathwayPlanFromAge), NpgsqlDbType.Date, cancellationToken);
            await writer.WriteAsync(Birthdays.Anniversary(dob, 18), NpgsqlDbType.Date, cancellationToken);
            await writer.WriteAsync(Birthdays.Anniversary(dob, lcOptions.SupportUntilAge), NpgsqlDbType.Date, cancellationToken);
            await writer.WriteAsync(today.AddDays(-random.Next(0, 3 * 365)), NpgsqlDbType.Date, cancellationToken);
            await writer.WriteAsync(i % 4 == 0, NpgsqlDbType.Boolean, cancellationToken);
            if (onCaseload)
            {
                await writer.WriteAsync(now.AddDays(-random.Next(30, 700)), NpgsqlDbType.TimestampTz, cancellationToken);
            }
            else
            {
                await writer.WriteNullAsync(cancellationToken);
            }
            if (adviser is null)
            {
                await writer.WriteNullAsync(cancellationToken);
            }
            else
            {
                await writer.WriteAsync(adviser, NpgsqlDbType.Varchar, cancellationToken);
            }
            await writer.WriteAsync(levels[random.Next(levels.Length)], NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(new[] { "MissingFromHome" }, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            if (onCaseload)
            {
                await writer.WriteAsync(now.AddDays(-random.Next(0, 84)), NpgsqlDbType.TimestampTz, cancellationToken);
            }
            else
            {
                await writer.WriteNullAsync(cancellationToken);
            }
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }
}
