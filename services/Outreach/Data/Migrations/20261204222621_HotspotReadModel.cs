using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Outreach.Data.Migrations
{
    /// <summary>
    /// OUT-08, issue 11: the hotspot report's read model (Domain/HotspotCounts.cs), filled from the contacts already
    /// recorded. Unlike the record tables these are not append-only: they are counts, updated in the transaction of
    /// each write that changes them, and can always be rebuilt from the records.
    /// </summary>
    public partial class HotspotReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hotspot_visit_counts",
                schema: "outreach",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    location_id = table.Column<Guid>(type: "uuid", nullable: false),
                    previous_month = table.Column<DateOnly>(type: "date", nullable: false),
                    young_people = table.Column<int>(type: "integer", nullable: false),
                    contacts = table.Column<int>(type: "integer", nullable: false),
                    concerns = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hotspot_visit_counts", x => new { x.month, x.location_id, x.previous_month });
                });

            migrationBuilder.CreateTable(
                name: "hotspot_visits",
                schema: "outreach",
                columns: table => new
                {
                    young_person_key = table.Column<Guid>(type: "uuid", nullable: false),
                    location_id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    previous_month = table.Column<DateOnly>(type: "date", nullable: false),
                    contacts = table.Column<int>(type: "integer", nullable: false),
                    concerns = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hotspot_visits", x => new { x.young_person_key, x.location_id, x.month });
                });

            migrationBuilder.CreateTable(
                name: "hotspot_young_person_month_counts",
                schema: "outreach",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    previous_month = table.Column<DateOnly>(type: "date", nullable: false),
                    young_people = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hotspot_young_person_month_counts", x => new { x.month, x.previous_month });
                });

            migrationBuilder.CreateTable(
                name: "hotspot_young_person_months",
                schema: "outreach",
                columns: table => new
                {
                    young_person_key = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    previous_month = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hotspot_young_person_months", x => new { x.young_person_key, x.month });
                });

            migrationBuilder.CreateIndex(
                name: "ix_hotspot_visit_counts_emptied",
                schema: "outreach",
                table: "hotspot_visit_counts",
                column: "month",
                filter: "young_people = 0");

            migrationBuilder.CreateIndex(
                name: "ix_hotspot_young_person_month_counts_emptied",
                schema: "outreach",
                table: "hotspot_young_person_month_counts",
                column: "month",
                filter: "young_people = 0");

            // OUT-08: an upgraded database reports the same figures as before, so the read model is filled from the
            // contacts already recorded, with the report's own definition (Features/Reports/HotspotCounting.cs keeps it
            // so afterwards): at a location record, in the London month, not corrected since, an alias matched to a
            // registered young person counted as that person. Set-based, one pass over the contacts.
            migrationBuilder.Sql("""
                INSERT INTO outreach.hotspot_visits (young_person_key, location_id, month, contacts, concerns, previous_month)
                SELECT young_person_key, location_id, month, count(*), count(concern),
                       COALESCE(lag(month) OVER (PARTITION BY young_person_key, location_id ORDER BY month), '-infinity')
                FROM (
                    SELECT COALESCE(c.young_person_id, m.young_person_id, c.alias_id) AS young_person_key, c.location_id,
                           date_trunc('month', c.contacted_at AT TIME ZONE 'Europe/London')::date AS month, c.concern
                    FROM outreach.contacts c
                    LEFT JOIN outreach.alias_matches m ON m.alias_id = c.alias_id
                    WHERE c.location_id IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM outreach.contacts later WHERE later.corrects = c.id)
                ) counted
                GROUP BY young_person_key, location_id, month;
                """);
            migrationBuilder.Sql("""
                INSERT INTO outreach.hotspot_visit_counts (month, location_id, previous_month, young_people, contacts, concerns)
                SELECT month, location_id, previous_month, count(*), sum(contacts), sum(concerns)
                FROM outreach.hotspot_visits
                GROUP BY month, location_id, previous_month;
                """);
            migrationBuilder.Sql("""
                INSERT INTO outreach.hotspot_young_person_months (young_person_key, month, previous_month)
                SELECT young_person_key, month, COALESCE(lag(month) OVER (PARTITION BY young_person_key ORDER BY month), '-infinity')
                FROM (SELECT DISTINCT young_person_key, month FROM outreach.hotspot_visits) seen;
                """);
            migrationBuilder.Sql("""
                INSERT INTO outreach.hotspot_young_person_month_counts (month, previous_month, young_people)
                SELECT month, previous_month, count(*)
                FROM outreach.hotspot_young_person_months
                GROUP BY month, previous_month;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hotspot_visit_counts",
                schema: "outreach");

            migrationBuilder.DropTable(
                name: "hotspot_visits",
                schema: "outreach");

            migrationBuilder.DropTable(
                name: "hotspot_young_person_month_counts",
                schema: "outreach");

            migrationBuilder.DropTable(
                name: "hotspot_young_person_months",
                schema: "outreach");
        }
    }
}
