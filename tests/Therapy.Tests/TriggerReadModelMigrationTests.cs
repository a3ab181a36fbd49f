using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Support.Contracts.Therapy;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Reporting;
using Support.Testing;
using Support.Therapy.Data;
using Support.Therapy.Domain;
using Support.Therapy.Features.Reports;

namespace Support.Therapy.Tests;

/// <summary>
/// COM-03, COM-09, issue 13: a database that already holds therapy referrals is upgraded by the TherapyReferralTriggers
/// migration, which counts them in the triggers' read model as the endpoints now do when a referral is made or declined:
/// by London day and financial year, each young person once a year, late when recorded after the year ended. The
/// triggers report then gives those figures.
/// </summary>
public sealed class TriggerReadModelMigrationTests : IAsyncLifetime
{
    private const string ReadModelMigration = "TherapyReferralTriggers";
    private string _database = "";
    private static readonly Guid First = Guid.NewGuid(), Second = Guid.NewGuid(), Third = Guid.NewGuid();

    public async Task InitializeAsync() => _database = await PostgresDatabases.CreateEmptyAsync("trigger_upgrade");

    public Task DisposeAsync() => PostgresDatabases.DropAsync(_database);

    [Fact]
    public async Task Upgrading_a_database_with_therapy_referrals_counts_them_and_their_declines_as_triggers()
    {
        await using (var db = PostgresDatabases.CreateContext<TherapyDbContext>(_database))
        {
            await PostgresDatabases.MigrateToBeforeAsync(db, ReadModelMigration);
            await SeedAsync(db);
            await db.Database.MigrateAsync();
        }

        await using (var db = PostgresDatabases.CreateContext<TherapyDbContext>(_database))
        {
            var days = await db.TriggerDayCounts.AsNoTracking().Where(d => d.Kind != CommissioningFactKind.MissingEpisode)
                .Select(d => $"{d.Kind} {d.Day:yyyy-MM-dd} {d.Records}").ToListAsync();
            Assert.Equal(
            [
                "MentalHealthDecline 2025-04-10 1", "MentalHealthDecline 2025-05-20 1",
                "MentalHealthReferral 2025-03-30 1", "MentalHealthReferral 2025-04-01 1", "MentalHealthReferral 2025-05-10 1", "MentalHealthReferral 2025-06-01 1",
            ], days.Order(StringComparer.Ordinal));
            var people = await db.TriggerYearPeopleCounts.AsNoTracking().Select(p => $"{p.YearStart} {p.Kind} {p.People}").ToListAsync();
            // The existing fact's kind is counted too: the counts are new, and every kind's are filled.
            Assert.Equal(["2024 MentalHealthReferral 1", "2025 MentalHealthDecline 2", "2025 MentalHealthReferral 2", "2025 MissingEpisode 1"],
                people.Order(StringComparer.Ordinal));
            Assert.Equal(3, await db.TriggerYearAnyPeople.CountAsync(p => p.YearStart == 2025));
            Assert.Equal([Third], await db.TriggerYearAnyPeople.Where(p => p.YearStart == 2024).Select(p => p.YoungPersonId).ToListAsync());
            var late = Assert.Single(await db.TriggerLateCounts.AsNoTracking().ToListAsync());
            Assert.Equal((2024, CommissioningFactKind.MentalHealthReferral, 1, Utc("2025-04-02T09:00:00Z")), (late.YearStart, late.Kind, late.Records, late.LastRecordedAt));
        }

        await using (var db = PostgresDatabases.CreateContext<TherapyDbContext>(_database))
        {
            var clock = new FakeTimeProvider(Utc("2026-06-01T12:00:00Z"));
            var closed = await CseTriggersReport.BuildAsync(db, new FinancialYear(2024), Disclosure.Exact, clock, CancellationToken.None);
            Assert.Equal([0, 0, 0, 1], Quarters(closed, "MentalHealthReferrals"));
            Assert.Equal(1, closed.Restatement?.LateEntries.Value);
            var year = await CseTriggersReport.BuildAsync(db, new FinancialYear(2025), Disclosure.Exact, clock, CancellationToken.None);
            Assert.Equal([3, 0, 0, 0], Quarters(year, "MentalHealthReferrals"));
            Assert.Equal([2, 0, 0, 0], Quarters(year, "MentalHealthDeclines"));
            var byTrigger = year.Tables.Single(t => t.Name == "youngPeopleByTrigger");
            Assert.Equal(2, byTrigger.Body.Single(r => r.Label == "MentalHealthReferrals").Cells[0].Value);
            Assert.Equal(2, byTrigger.Body.Single(r => r.Label == "MentalHealthDeclines").Cells[0].Value);
            Assert.Equal(3, byTrigger.GrandTotal.Value);
        }
    }

    /// <summary>
    /// Therapy referrals as the service recorded them before the read model, the offer through the domain: two by one
    /// young person in a year (one declined), one made at 00:30 on 1 April in London (23:30 UTC, the new year), and one
    /// dated in the year before but recorded after it ended, declined in the new year. The third young person also has a
    /// missing episode already in the read model.
    /// </summary>
    private static async Task SeedAsync(TherapyDbContext db)
    {
        var author = new Author("upgrade-seed", "SocialWorker", Utc("2024-04-01T09:00:00Z"));
        var provider = Provider.Register("Upgrade provider", null, author);
        db.Providers.Add(provider);
        var offer = Offer.Create(provider.Id, "Upgrade CAMHS", OfferType.Camhs, [DeliverySetting.Clinic], "Young people at risk of CSE.", "Fewer crises.",
            10, null, 40, [], author);
        db.Offers.Add(offer);
        await db.SaveChangesAsync();

        async Task Referral(Guid person, string referredAt, string recordedAt, string? declinedAt = null)
        {
            var declined = declinedAt is null ? (DateTimeOffset?)null : Utc(declinedAt);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO therapy.referrals (id, young_person_id, offer_id, offer_type, referred_at, reason_for_referral, indicators, recorded_by,
                    recorded_by_role, recorded_at, status, outcome_at, outcome_recorded_at, decline_reason, cse_history_considered)
                VALUES ({Guid.NewGuid()}, {person}, {offer.Id}, 'Camhs', {Utc(referredAt)}, 'Upgrade referral.', {new[] { "SchoolAbsence" }}, 'upgrade-seed',
                    'SocialWorker', {Utc(recordedAt)}, {(declined is null ? "Open" : "Declined")}, {declined}, {declined},
                    {(declined is null ? null : "BelowThreshold")}, {(declined is null ? null : true)})
                """);
        }

        await Referral(First, "2025-05-10T10:00:00Z", "2025-05-10T10:05:00Z", declinedAt: "2025-05-20T10:00:00Z");
        await Referral(First, "2025-06-01T10:00:00Z", "2025-06-01T10:05:00Z");
        await Referral(Second, "2025-03-31T23:30:00Z", "2025-03-31T23:35:00Z"); // 1 April in London (BST): financial year 2025
        await Referral(Third, "2025-03-30T12:00:00Z", "2025-04-02T09:00:00Z", declinedAt: "2025-04-10T09:00:00Z"); // dated 2024, recorded late
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO therapy.trigger_year_people (year_start, kind, young_person_id) VALUES (2025, 'MissingEpisode', {Third});
            INSERT INTO therapy.trigger_year_any_people (year_start, young_person_id) VALUES (2025, {Third});
            INSERT INTO therapy.trigger_day_counts (kind, day, records) VALUES ('MissingEpisode', '2025-04-03', 1);
            """);
    }

    private static DateTimeOffset Utc(string at) => DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);

    private static int?[] Quarters(TableReport report, string trigger) =>
        [.. report.Tables.Single(t => t.Body[0].Label == trigger && t.Unit == ReportDefinitions.TriggerRecords).Body[0].Cells.Select(c => c.Value)];
}
