using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Support.Outreach.Data;
using Support.Outreach.Features.Reports;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Outreach.Tests.Reporting;

/// <summary>
/// OUT-08, issue 11: a database that already holds contacts is upgraded by the HotspotReadModel migration, which fills
/// the hotspot report's read model from them; the report then gives the figures counting the contacts gives (the
/// report's answer before the read model), and recounting anyone afterwards, as the next write would, changes nothing.
/// </summary>
public sealed class HotspotReadModelMigrationTests : IAsyncLifetime
{
    private const string ReadModelMigration = "HotspotReadModel";
    private string _database = "";

    public async Task InitializeAsync() => _database = await PostgresDatabases.CreateEmptyAsync("hotspot_upgrade");

    public Task DisposeAsync() => PostgresDatabases.DropAsync(_database);

    [Fact]
    public async Task Upgrading_a_database_with_contacts_fills_the_read_model_so_the_report_gives_the_same_figures_as_before()
    {
        await using (var db = PostgresDatabases.CreateContext<OutreachDbContext>(_database))
        {
            await PostgresDatabases.MigrateToBeforeAsync(db, ReadModelMigration);
            await SeedAsync(db);
            await db.Database.MigrateAsync();
        }

        await using (var db = PostgresDatabases.CreateContext<OutreachDbContext>(_database))
        {
            Assert.NotEmpty(await db.HotspotVisits.ToListAsync());
            foreach (var (from, to) in HotspotDefinition.Windows("2025-04", "2025-09"))
            {
                await HotspotDefinition.AssertSameAsContactsAsync(await ExactAsync(db, from, to), db);
            }
        }

        // The migration and the live recount are one definition: recounting every young person finds nothing to change.
        await using (var db = PostgresDatabases.CreateContext<OutreachDbContext>(_database))
        {
            var filled = await ReadModelAsync(db);
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var person in People)
            {
                await HotspotCounting.RecountAsync(db, person, aliasId: null, CancellationToken.None);
            }
            foreach (var alias in Aliases)
            {
                await HotspotCounting.RecountAsync(db, youngPersonId: null, alias, CancellationToken.None);
            }
            Assert.Equal(filled, await ReadModelAsync(db));
        }
    }

    private static readonly Guid[] People = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
    private static readonly Guid[] Aliases = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
    private static readonly Guid[] Places = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

    /// <summary>
    /// Contacts as the service would have recorded them before the read model, written straight into that schema:
    /// registered young people, an alias matched to each of two of them and one unmatched, free-text places, a chain of
    /// corrections, two corrections of one contact (both count, REC-01), and London month boundaries both sides of BST.
    /// </summary>
    private static async Task SeedAsync(OutreachDbContext db)
    {
        var at = new DateTimeOffset(2025, 4, 1, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < Places.Length; i++)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO outreach.locations (id, name, type, area, latitude, longitude, recorded_at, recorded_by, idempotency_key)
                VALUES ({Places[i]}, {"Upgrade place " + i}, 'Park', 'Rotherham', NULL, NULL, {at}, 'ow-upgrade', NULL)
                """);
        }
        for (var i = 0; i < Aliases.Length; i++)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO outreach.aliases (id, name, approximate_age, area, description, gender, ethnicity, recorded_at, recorded_by, recorded_by_role, idempotency_key)
                VALUES ({Aliases[i]}, {"Upgrade alias " + i}, 14, 'Rotherham', NULL, NULL, NULL, {at}, 'ow-upgrade', 'OutreachWorker', NULL)
                """);
        }
        foreach (var (alias, person) in new[] { (Aliases[0], People[0]), (Aliases[2], People[2]) })
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO outreach.alias_matches (id, alias_id, young_person_id, reason, matched_at, matched_by, matched_by_role)
                VALUES ({Guid.NewGuid()}, {alias}, {person}, 'Same young person.', {at}, 'ow-upgrade', 'OutreachWorker')
                """);
        }

        async Task<Guid> Contact(Guid? person, Guid? alias, string contactedAt, Guid? place, string? concern = null, Guid? corrects = null)
        {
            var id = Guid.NewGuid();
            var when = DateTimeOffset.Parse(contactedAt, System.Globalization.CultureInfo.InvariantCulture);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO outreach.contacts (id, young_person_id, alias_id, channel, contacted_at, location_id, place, notes, concern,
                    recorded_at, recorded_by, recorded_by_role, recorded_late, corrects, correction_reason, source, idempotency_key)
                VALUES ({id}, {person}, {alias}, 'Street', {when}, {place}, {(place is null ? "Behind the shops" : null)}, 'Upgrade notes', {concern},
                    {when.AddMinutes(20)}, 'ow-upgrade', 'OutreachWorker', false, {corrects}, {(corrects is null ? null : "Wrong place.")}, 'app', NULL)
                """);
            return id;
        }

        await Contact(People[0], null, "2025-05-10T20:00:00Z", Places[0], "High");
        await Contact(People[0], null, "2025-05-31T23:30:00Z", Places[0]); // 00:30 on 1 June in London (BST)
        await Contact(null, Aliases[0], "2025-06-15T20:00:00Z", Places[0], "Medium"); // matched: People[0]
        await Contact(null, Aliases[1], "2025-06-16T20:00:00Z", Places[0], "High");
        await Contact(null, Aliases[1], "2025-07-31T23:30:00Z", Places[1]); // August in London
        var misplaced = await Contact(People[1], null, "2025-07-10T20:00:00Z", Places[1], "High");
        var typed = await Contact(People[1], null, "2025-07-11T20:00:00Z", place: null);
        var corrected = await Contact(People[1], null, "2025-07-10T20:00:00Z", Places[0], "High", corrects: misplaced);
        await Contact(People[1], null, "2025-08-10T20:00:00Z", Places[1], "High", corrects: corrected);
        await Contact(People[1], null, "2025-07-11T20:00:00Z", Places[2], corrects: typed);
        await Contact(People[2], null, "2025-05-20T20:00:00Z", Places[1]);
        await Contact(null, Aliases[2], "2025-08-20T20:00:00Z", Places[1], "Low"); // matched: People[2]
        var twice = await Contact(People[0], null, "2025-08-05T20:00:00Z", Places[1]);
        await Contact(People[0], null, "2025-08-05T20:00:00Z", Places[0], corrects: twice);
        await Contact(People[0], null, "2025-09-05T20:00:00Z", Places[2], "VeryHigh", corrects: twice);
        await Contact(null, Aliases[1], "2025-09-30T23:30:00Z", Places[2]); // October in London
    }

    private static async Task<HotspotReport.Response> ExactAsync(OutreachDbContext db, string from, string to)
    {
        var auditor = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(SupportAuthentication.SubjectClaim, "auditor-upgrade"), new Claim(SupportAuthentication.RoleClaim, Roles.Auditor)],
            authenticationType: "Test", nameType: SupportAuthentication.SubjectClaim, roleType: SupportAuthentication.RoleClaim));
        var result = await HotspotReport.HandleAsync(from, to, auditor, db, new FakeTimeProvider(OutreachFixture.Start), CancellationToken.None);
        return Assert.IsType<Ok<HotspotReport.Response>>(result.Result).Value!;
    }

    /// <summary>Every row of the read model, in one comparable string.</summary>
    private static async Task<string> ReadModelAsync(OutreachDbContext db)
    {
        var visits = await db.HotspotVisits.AsNoTracking().OrderBy(v => v.YoungPersonKey).ThenBy(v => v.LocationId).ThenBy(v => v.Month)
            .Select(v => $"{v.YoungPersonKey} {v.LocationId} {v.Month} {v.PreviousMonth} {v.Contacts} {v.Concerns}").ToListAsync();
        var visitCounts = await db.HotspotVisitCounts.AsNoTracking().OrderBy(c => c.Month).ThenBy(c => c.LocationId).ThenBy(c => c.PreviousMonth)
            .Select(c => $"{c.Month} {c.LocationId} {c.PreviousMonth} {c.YoungPeople} {c.Contacts} {c.Concerns}").ToListAsync();
        var months = await db.HotspotYoungPersonMonths.AsNoTracking().OrderBy(m => m.YoungPersonKey).ThenBy(m => m.Month)
            .Select(m => $"{m.YoungPersonKey} {m.Month} {m.PreviousMonth}").ToListAsync();
        var monthCounts = await db.HotspotYoungPersonMonthCounts.AsNoTracking().OrderBy(c => c.Month).ThenBy(c => c.PreviousMonth)
            .Select(c => $"{c.Month} {c.PreviousMonth} {c.YoungPeople}").ToListAsync();
        return string.Join("\n", visits.Concat(visitCounts).Concat(months).Concat(monthCounts));
    }
}
