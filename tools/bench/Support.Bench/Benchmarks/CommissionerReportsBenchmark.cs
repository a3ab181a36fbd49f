using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using NpgsqlTypes;
using Support.Bench.Load;
using Support.Bench.Relay;
using Support.Bench.Reporting;
using Support.Contracts.Incidents;
using Support.Contracts.Referrals;
using Support.Contracts.Risk;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Reporting;
using Support.ServiceDefaults.Time;
using Support.Contracts.Therapy;
using Support.Therapy.Data;
using Support.Therapy.Domain;
using Support.Therapy.Features.Reports;

namespace Support.Bench.Benchmarks;

/// <summary>
/// Issue 13: every commissioner report: those built from other services' events (COM-03 triggers, COM-06/07/12 demand,
/// the COM-05 unmet-need ledger with 200,000 needs) and those over this service's own therapy referrals (outcomes, waits,
/// capacity against demand, the decline-rate indicator over four years) and young people's views, with one therapy
/// referral for every four front-door referrals (250,000 at the large size) and a view for every fifth of those, over
/// 1,000,000 front-door referrals and 5,000,000 facts from other services' events, warm, and how they grow from 100,000
/// referrals and 500,000 facts. For each size a scratch database gets the Therapy schema from the service's own migrations
/// (append-only triggers included) up to the one before TriggerCountsReadModel, is seeded with Npgsql's binary COPY
/// (never the platform's own database), spread evenly over the four financial years the demand report reads, and is then
/// upgraded, so the triggers' read model is filled from the facts as on a real upgrade. The production report handlers then run in-process as a commissioner
/// asks for them (suppressed counts), each call with its own <see cref="TherapyDbContext"/> as a request scope would:
/// a few warm-up calls, then timed calls one after another. The figure is the handler's wall clock, not HTTP or JSON.
/// </summary>
public sealed class CommissionerReportsBenchmark(BenchSettings settings) : IBenchmark
{
    public static readonly Target WarmP95 = Target.Max(200);
    /// <summary>As many registered young people as the hotspot benchmark's: a large council's CSE cohort over the years.</summary>
    private const int YoungPeople = 20_000;
    private const string ReadModelMigration = "TriggerCountsReadModel";
    private const int FactsPerReferral = 5;
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(15);
    private const int ReferralsPerUnmetNeed = 5;
    private static readonly string[] SeededTables =
        ["referral_demand", "referral_reclassifications", "commissioning_facts", "risk_pictures", "young_people", "unmet_needs", "referrals",
         "service_feedback", "health_indicators", "providers", "offers"];
    private static readonly string[] ReadModelTables =
        ["trigger_day_counts", "trigger_year_people", "trigger_year_any_people", "referral_month_counts", "referral_year_people"];
    private const int ReferralsPerTherapyReferral = 4;
    private const int TherapyReferralsPerView = 5;
    private const int OffersPerProvider = 3;
    private static readonly string[] Reports =
        ["referral-demand", "cse-triggers", "unmet-need", "therapy-referral-outcomes", "therapy-waits", "offer-capacity", "therapy-indicators", "therapy-feedback"];

    public string Name => "commissioner-reports";
    public string Title =>
        "Commissioner reports over 1,000,000 referrals, 5,000,000 facts, 200,000 unmet needs and 250,000 therapy referrals (production Therapy reports, scratch database, warm)";

    public IEnumerable<(string Name, Target? Target)> PlannedFigures =>
        Reports.Select(r => ($"commissioner-reports.{r}.warm_p95_ms", (Target?)WarmP95));

    private int SmallReferrals => settings.Quick ? 25_000 : 100_000;
    private int LargeReferrals => settings.Quick ? 250_000 : 1_000_000;
    private int WarmupCalls => settings.Quick ? 2 : 3;
    private int TimedCalls => settings.Quick ? 8 : 30;

    public async Task RunAsync(Report report, CancellationToken cancellationToken)
    {
        var clock = TimeProvider.System;
        var now = clock.GetUtcNow();
        var thisYear = FinancialYear.Of(London.Today(clock));
        var from = new FinancialYear(thisYear.StartYear - ReferralDemandReport.TrendYears + 1).From;
        var commissioner = ReportReaders.As(Roles.Commissioner);

        foreach (var (referrals, large) in new[] { (SmallReferrals, false), (LargeReferrals, true) })
        {
            // Each size gets its own scratch database. The facts go in before the triggers' read model exists, and the
            // TriggerCountsReadModel migration fills it, as it does when a database holding facts is upgraded.
            var suffix = $"{DateTime.UtcNow:yyyyMMddHHmmss}_{Random.Shared.Next(1000):000}";
            await using var database = await ScratchDatabase.CreateAsync(settings.PostgresAdmin, $"support_bench_therapy_{suffix}", cancellationToken);
            var options = new DbContextOptionsBuilder<TherapyDbContext>()
                .UseNpgsql(database.ConnectionString, o => o.MigrationsHistoryTable("__ef_migrations_history", TherapyDbContext.Schema))
                .UseSnakeCaseNamingConvention()
                .Options;
            await using (var db = new TherapyDbContext(options))
            {
                await db.GetService<IMigrator>().MigrateAsync(ScratchDatabase.MigrationBefore(db, ReadModelMigration), cancellationToken);
            }
            var size = $"{referrals / 1000}k";
            var seeding = Clock.Now;
            await SeedAsync(database.ConnectionString, referrals, from, now, cancellationToken);
            await SeedTherapyAsync(options, database.ConnectionString, referrals / ReferralsPerTherapyReferral, from, now, cancellationToken);
            report.Info(Name, $"commissioner-reports.seed_{size}_s", Clock.SecondsBetween(seeding, Clock.Now), 1,
                $"{referrals:N0} referrals, {referrals * FactsPerReferral:N0} facts, {YoungPeople:N0} young people, "
                + $"{referrals / ReferralsPerTherapyReferral:N0} therapy referrals, binary COPY");
            await database.VacuumAnalyzeAsync(TherapyDbContext.Schema, SeededTables, cancellationToken);
            var upgrading = Clock.Now;
            await using (var db = new TherapyDbContext(options))
            {
                db.Database.SetCommandTimeout(CommandTimeout);
                await db.Database.MigrateAsync(cancellationToken);
            }
            report.Info(Name, $"commissioner-reports.upgrade_{size}_s", Clock.SecondsBetween(upgrading, Clock.Now), 1,
                $"{ReadModelMigration} and ReferralDemandReadModel fill the reports' read models from the seeded facts and referrals");
            await database.VacuumAnalyzeAsync(TherapyDbContext.Schema, ReadModelTables, cancellationToken);

            foreach (var name in Reports)
            {
                for (var i = 0; i < WarmupCalls; i++)
                {
                    var (_, response) = await CallAsync(options, name, commissioner, clock, cancellationToken);
                    if (i == 0)
                    {
                        Check(report, name, response, referrals);
                    }
                }
                var latency = new LatencyRecorder();
                for (var i = 0; i < TimedCalls; i++)
                {
                    var (elapsed, _) = await CallAsync(options, name, commissioner, clock, cancellationToken);
                    latency.RecordElapsed(elapsed.From, elapsed.To);
                }
                var figure = $"commissioner-reports.{name}";
                if (large)
                {
                    report.Add(Name, $"{figure}.warm_p95_ms", latency.PercentileMs(95), 1, WarmP95,
                        $"{referrals:N0} referrals, {referrals * FactsPerReferral:N0} facts; p95 of {TimedCalls} calls");
                    report.Info(Name, $"{figure}.warm_p50_ms", latency.PercentileMs(50), 1);
                }
                else
                {
                    report.Info(Name, $"{figure}.warm_p95_ms_at_{size}", latency.PercentileMs(95), 1,
                        $"{referrals:N0} referrals, {referrals * FactsPerReferral:N0} facts: how the figure grows to the large one");
                }
            }
        }
        report.Note($"{WarmupCalls} warm-up calls, then {TimedCalls} timed calls per report one after another (the current financial year, as a commissioner)");
    }

    private static async Task<((long From, long To) Elapsed, TableReport Response)> CallAsync(
        DbContextOptions<TherapyDbContext> options, string report, ClaimsPrincipal reader, TimeProvider clock, CancellationToken cancellationToken)
    {
        var started = Clock.Now;
        await using var db = new TherapyDbContext(options);
        var result = report switch
        {
            "referral-demand" => await ReferralDemandReport.HandleAsync(year: null, format: null, reader, db, clock, cancellationToken),
            "unmet-need" => await UnmetNeedReport.HandleAsync(year: null, format: null, reader, db, clock, cancellationToken),
            "cse-triggers" => await CseTriggersReport.HandleAsync(year: null, format: null, reader, db, clock, cancellationToken),
            "therapy-referral-outcomes" => await ReferralOutcomesReport.HandleAsync(year: null, format: null, reader, db, clock, cancellationToken),
            "therapy-waits" => await WaitsReport.HandleAsync(year: null, format: null, reader, db, clock, cancellationToken),
            "offer-capacity" => await CapacityReport.HandleAsync(year: null, format: null, reader, db, clock, cancellationToken),
            "therapy-indicators" => await IndicatorReport.HandleAsync(year: null, format: null, reader, db, clock, cancellationToken),
            "therapy-feedback" => await FeedbackReport.HandleAsync(year: null, format: null, reader, db, clock, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(report), report, "not a report this benchmark knows"),
        };
        var done = Clock.Now;
        return result switch
        {
            Ok<TableReport> { Value: { } response } => ((started, done), response),
            Ok<CapacityReport.Response> { Value: { } capacity } => ((started, done), capacity.Counts),
            Ok<FeedbackReport.Response> { Value: { } views } => ((started, done), views.Counts),
            // The indicator report is no table; its decline rate's denominator stands in for the check that it counted.
            Ok<IndicatorReport.Response> { Value: { } indicators } => ((started, done), AsTable(indicators)),
            _ => throw new InvalidOperationException($"the {report} report refused the current year ({result.GetType().Name})"),
        };
    }

    /// <summary>The decline-rate indicator's decided referrals (its denominator) as a one-cell table, for <see cref="Check"/>.</summary>
    private static TableReport AsTable(IndicatorReport.Response indicators)
    {
        var decided = indicators.Indicators[0].Current.Denominator.Value ?? 0;
        return new TableReport(indicators.Report, indicators.Period, indicators.Disclosure, SmallNumberSuppression.DefaultThreshold, indicators.GeneratedAt,
            null, [PublishedTable.Of("decided", CountingUnits.Referrals, "all", "all", ["Decided"], ["Referrals"], new int[1, 1] { { decided } }, Disclosure.Exact)]);
    }

    /// <summary>The report must have counted the seeded rows, or the figure would time an empty report.</summary>
    private static void Check(Report report, string name, TableReport response, int referrals)
    {
        if (response.NoData is { } none)
        {
            throw new InvalidOperationException($"the {name} report found no data: {none.Reason}");
        }
        var totals = response.Tables.Select(t => t.GrandTotal.Value ?? 0).ToList();
        // Four years of therapy referrals (one per four front-door referrals), a fifth of them with views: a year's share of those.
        var expected = name.StartsWith("therapy-", StringComparison.Ordinal) || name == "offer-capacity"
            ? referrals / ReferralsPerTherapyReferral / TherapyReferralsPerView / 10
            : referrals / 10;
        if (totals.Sum() < expected)
        {
            throw new InvalidOperationException($"the {name} report counted {totals.Sum()} in all; {referrals} referrals were seeded");
        }
        report.Note($"{name} at {referrals:N0} referrals: " + string.Join(", ", response.Tables.Take(4).Select(t => $"{t.Name} {t.GrandTotal}"))
            + (response.Shares is { } shares ? "; " + string.Join(", ", shares.Select(s => $"{s.Name} {s.Percent?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not given"}")) : ""));
    }

    /// <summary>
    /// A deterministic population written with binary COPY: each referral about one of 20,000 young people (a fifth re-referrals, ages 10 to 24 with the concern up to
    /// 8 years earlier), 1 in 100 reclassified (a third to NotCse), five trigger records per referral of the nine kinds the
    /// triggers report reads (one in 200 a critical incident), and a current risk level for every other young person.
    /// </summary>
    private static async Task SeedAsync(string connectionString, int referrals, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var random = new Random(2026);
        var span = (until - from).Ticks;
        var roles = Enum.GetNames<ReferrerRole>();
        var types = Enum.GetNames<CseType>().Where(t => t != nameof(CseType.NotCse)).ToArray();
        string[] factKinds = ["MissingEpisode", "ReturnInterviewDue", "ReturnInterviewCompleted", "ReturnInterviewNotHeld", "SchoolAbsenceFlag",
            "CriminalisationFlag", "Under16PregnancyFlag", "CriticalIncident"];
        var incidents = Enum.GetNames<CriticalIncidentKind>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        await using (var demand = await connection.BeginBinaryImportAsync(
            "COPY therapy.referral_demand (referral_id, young_person_id, referrer_role, received_cse_type, is_re_referral, age_at_referral, age_on_concern_date, received_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        await using (var reclassifications = new NpgsqlConnection(connectionString))
        {
            await reclassifications.OpenAsync(cancellationToken);
            var reclassified = new List<(Guid Referral, DateTimeOffset At, string To)>();
            for (var n = 0; n < referrals; n++)
            {
                var receivedAt = from + TimeSpan.FromTicks((long)(random.NextDouble() * span));
                var age = 10 + random.Next(15);
                await demand.StartRowAsync(cancellationToken);
                await demand.WriteAsync(Id(1, n), NpgsqlDbType.Uuid, cancellationToken);
                await demand.WriteAsync(Id(2, random.Next(YoungPeople)), NpgsqlDbType.Uuid, cancellationToken);
                await demand.WriteAsync(roles[random.Next(roles.Length)], NpgsqlDbType.Varchar, cancellationToken);
                await demand.WriteAsync(types[random.Next(types.Length)], NpgsqlDbType.Varchar, cancellationToken);
                await demand.WriteAsync(random.Next(5) == 0, NpgsqlDbType.Boolean, cancellationToken);
                await demand.WriteAsync(age, NpgsqlDbType.Integer, cancellationToken);
                await demand.WriteAsync(Math.Max(8, age - random.Next(9)), NpgsqlDbType.Integer, cancellationToken);
                await demand.WriteAsync(receivedAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                if (n % 100 == 0)
                {
                    reclassified.Add((Id(1, n), receivedAt.AddDays(2), n % 300 == 0 ? nameof(CseType.NotCse) : types[random.Next(types.Length)]));
                }
            }
            await demand.CompleteAsync(cancellationToken);
            await using var writer = await reclassifications.BeginBinaryImportAsync(
                "COPY therapy.referral_reclassifications (referral_id, occurred_at, to_cse_type) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var (referral, at, to) in reclassified)
            {
                await writer.WriteRowAsync(cancellationToken, referral, at.UtcDateTime, to);
            }
            await writer.CompleteAsync(cancellationToken);
        }

        await using (var facts = await connection.BeginBinaryImportAsync(
            "COPY therapy.commissioning_facts (kind, source_id, young_person_id, occurred_at, code) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var n = 0; n < referrals * FactsPerReferral; n++)
            {
                var kind = n % 200 == 0 ? "CriticalIncident" : factKinds[random.Next(factKinds.Length - 1)];
                await facts.StartRowAsync(cancellationToken);
                await facts.WriteAsync(kind, NpgsqlDbType.Varchar, cancellationToken);
                await facts.WriteAsync(Id(3, n), NpgsqlDbType.Uuid, cancellationToken);
                await facts.WriteAsync(Id(2, random.Next(YoungPeople)), NpgsqlDbType.Uuid, cancellationToken);
                await facts.WriteAsync((from + TimeSpan.FromTicks((long)(random.NextDouble() * span))).UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                if (kind == "CriticalIncident")
                {
                    await facts.WriteAsync(incidents[random.Next(incidents.Length)], NpgsqlDbType.Varchar, cancellationToken);
                }
                else
                {
                    await facts.WriteNullAsync(cancellationToken);
                }
            }
            await facts.CompleteAsync(cancellationToken);
        }

        // The registry's projection (gender and ethnicity as recorded, some not recorded) and the unmet-need ledger: one
        // need for every five referrals, from the services that raise them, a third of them since met.
        await using (var people = await connection.BeginBinaryImportAsync(
            "COPY therapy.young_people (id, display_name, date_of_birth, gender, ethnicity, details_version, registered_at, updated_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            string?[] genders = ["Female", "Female", "Male", "NonBinary", null];
            string?[] ethnicities = ["White British", "Pakistani", "White and Black Caribbean", "Roma", "Bangladeshi", null];
            for (var p = 0; p < YoungPeople; p++)
            {
                await people.WriteRowAsync(cancellationToken, Id(2, p), $"Bench Person {p}", new DateOnly(2004 + p % 12, 1 + p % 12, 1 + p % 28),
                    (object?)genders[p % genders.Length] ?? DBNull.Value, (object?)ethnicities[p % ethnicities.Length] ?? DBNull.Value, 1, from.UtcDateTime, from.UtcDateTime);
            }
            await people.CompleteAsync(cancellationToken);
        }
        await using (var needs = await connection.BeginBinaryImportAsync(
            "COPY therapy.unmet_needs (unmet_need_id, young_person_id, need_category, reason, raised_by, recorded_by, since, occurred_at, resolved_on, received_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            string[] categories = ["Camhs", "AdultMentalHealth", "Placement", "FamilySupport", "Counselling"];
            string[] services = ["therapy", "leaving-care", "referrals"];
            var reasons = Enum.GetNames<Support.Contracts.UnmetNeeds.UnmetNeedReason>();
            for (var n = 0; n < referrals / ReferralsPerUnmetNeed; n++)
            {
                var at = from + TimeSpan.FromTicks((long)(random.NextDouble() * span));
                var since = London.DateOf(at).AddDays(-random.Next(60));
                await needs.WriteRowAsync(cancellationToken, Id(5, n), Id(2, random.Next(YoungPeople)), categories[random.Next(categories.Length)],
                    reasons[random.Next(reasons.Length)], services[random.Next(services.Length)], "bench-seed", since, at.UtcDateTime,
                    n % 3 == 0 ? since.AddDays(random.Next(200)) : DBNull.Value, at.UtcDateTime);
            }
            await needs.CompleteAsync(cancellationToken);
        }

        {
            var levels = Enum.GetNames<RiskLevel>();
            await using var pictures = await connection.BeginBinaryImportAsync(
                "COPY therapy.risk_pictures (young_person_id, level, indicators, source_id, assessed_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
            for (var p = 0; p < YoungPeople; p += 2)
            {
                await pictures.WriteRowAsync(cancellationToken, Id(2, p), levels[random.Next(levels.Length)], new[] { nameof(RiskIndicator.SchoolAbsence) },
                    Id(4, p), from.UtcDateTime);
            }
            await pictures.CompleteAsync(cancellationToken);
        }
    }

    /// <summary>
    /// This service's own records, deterministic: providers and their offers through the domain (a handful, with the year's
    /// funding), then with binary COPY the therapy referrals spread over the same four years (about a third still waiting
    /// or seen, a third accepted and seen, the rest declined or withdrawn; one in ten accepted episodes closed), a view
    /// for every fifth referral and a health indicator for every fifth.
    /// </summary>
    private static async Task SeedTherapyAsync(DbContextOptions<TherapyDbContext> options, string connectionString, int therapyReferrals, DateTimeOffset from,
        DateTimeOffset until, CancellationToken cancellationToken)
    {
        var random = new Random(2027);
        var span = (until - from).Ticks;
        var seeder = new Author("bench-seed", "Commissioner", from);
        var types = Enum.GetValues<OfferType>();
        var offers = new List<(Guid Id, OfferType Type)>();
        await using (var db = new TherapyDbContext(options))
        {
            for (var p = 0; p < types.Length; p++)
            {
                var provider = Provider.Register($"Bench provider {p}", null, seeder);
                db.Providers.Add(provider);
                for (var o = 0; o < OffersPerProvider; o++)
                {
                    var type = types[(p + o) % types.Length];
                    var thisYear = FinancialYear.Of(London.DateOf(until));
                    var offer = Offer.Create(provider.Id, $"Bench offer {p}-{o}", type, [DeliverySetting.OutreachVenue], "Young people at risk of CSE.",
                        "Fewer missing episodes.", 10, null, 40 + o * 10, [new OfferFunding(thisYear.FirstDay, thisYear.LastDay, 120_000m, FundingSource.Council, 2m)],
                        seeder);
                    db.Offers.Add(offer);
                    offers.Add((offer.Id, type));
                }
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var declineReasons = Enum.GetNames<TherapyDeclineReason>();
        await using (var referrals = await connection.BeginBinaryImportAsync(
            "COPY therapy.referrals (id, young_person_id, offer_id, offer_type, referred_at, reason_for_referral, indicators, recorded_by, recorded_by_role, "
            + "recorded_at, status, outcome_at, outcome_recorded_at, decline_reason, cse_history_considered, first_appointment_at, episode_closed_at) "
            + "FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var n = 0; n < therapyReferrals; n++)
            {
                var (offer, type) = offers[random.Next(offers.Count)];
                var referredAt = from + TimeSpan.FromTicks((long)(random.NextDouble() * span));
                var decidedAt = referredAt + TimeSpan.FromDays(random.Next(1, 21));
                var seenAt = referredAt + TimeSpan.FromDays(random.Next(7, 200));
                var (status, outcomeAt, declineReason, firstAppointmentAt) = (n % 6) switch
                {
                    0 or 1 => ("Open", (DateTimeOffset?)null, (string?)null, (DateTimeOffset?)null),
                    2 or 3 => ("Accepted", decidedAt, null, seenAt < until ? seenAt : (DateTimeOffset?)null),
                    4 => ("Declined", decidedAt, declineReasons[random.Next(declineReasons.Length)], null),
                    _ => ("Withdrawn", decidedAt, null, null),
                };
                if (outcomeAt > until)
                {
                    (status, outcomeAt, declineReason, firstAppointmentAt) = ("Open", null, null, null);
                }
                await referrals.WriteRowAsync(cancellationToken, Id(6, n), Id(2, random.Next(YoungPeople)), offer, type.ToString(), referredAt.UtcDateTime,
                    "Bench referral.", new[] { nameof(RiskIndicator.SchoolAbsence) }, "bench-seed", "SocialWorker", referredAt.UtcDateTime, status,
                    (object?)outcomeAt?.UtcDateTime ?? DBNull.Value, (object?)outcomeAt?.UtcDateTime ?? DBNull.Value, (object?)declineReason ?? DBNull.Value,
                    declineReason is null ? DBNull.Value : true, (object?)firstAppointmentAt?.UtcDateTime ?? DBNull.Value,
                    status == "Accepted" && n % 60 == 2 && firstAppointmentAt is { } seen && seen.AddDays(90) < until ? seen.AddDays(90).UtcDateTime : DBNull.Value);
            }
            await referrals.CompleteAsync(cancellationToken);
        }
        var moments = Enum.GetNames<FeedbackMoment>();
        var methods = Enum.GetNames<FeedbackMethod>();
        await using (var views = await connection.BeginBinaryImportAsync(
            "COPY therapy.service_feedback (id, referral_id, young_person_id, offer_id, offer_type, moment, given_at, method, listened_to, helped, "
            + "worker_may_see, recorded_by, recorded_by_role, recorded_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var n = 0; n < therapyReferrals / TherapyReferralsPerView; n++)
            {
                var (offer, type) = offers[random.Next(offers.Count)];
                var givenAt = from + TimeSpan.FromTicks((long)(random.NextDouble() * span));
                await views.WriteRowAsync(cancellationToken, Id(7, n), Id(6, n * TherapyReferralsPerView), Id(2, random.Next(YoungPeople)), offer, type.ToString(),
                    moments[random.Next(moments.Length)], givenAt.UtcDateTime, methods[random.Next(methods.Length)], 1 + random.Next(5), 1 + random.Next(5),
                    random.Next(2) == 0, "bench-seed", "CamhsClinician", givenAt.UtcDateTime);
            }
            await views.CompleteAsync(cancellationToken);
        }
        var indicatorTypes = Enum.GetNames<HealthIndicatorType>();
        await using (var indicators = await connection.BeginBinaryImportAsync(
            "COPY therapy.health_indicators (id, young_person_id, type, occurred_at, sharing_basis, recorded_by, recorded_by_role, recorded_at) "
            + "FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var n = 0; n < therapyReferrals / TherapyReferralsPerView; n++)
            {
                var at = from + TimeSpan.FromTicks((long)(random.NextDouble() * span));
                await indicators.WriteRowAsync(cancellationToken, Id(8, n), Id(2, random.Next(YoungPeople)), indicatorTypes[random.Next(indicatorTypes.Length)],
                    at.UtcDateTime, nameof(SharingBasis.Consent), "bench-seed", "HealthPartner", at.UtcDateTime);
            }
            await indicators.CompleteAsync(cancellationToken);
        }
    }

    /// <summary>A deterministic id per kind of row and index, so rows can name each other without a lookup.</summary>
    private static Guid Id(short kind, int index) => new(index, kind, 0x2026, 0, 0, 0, 0, 0, 0, 0, 1);
}
