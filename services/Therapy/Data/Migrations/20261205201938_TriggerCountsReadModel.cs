using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Therapy.Data.Migrations
{
    /// <inheritdoc />
    public partial class TriggerCountsReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "trigger_day_counts",
                schema: "therapy",
                columns: table => new
                {
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    records = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trigger_day_counts", x => new { x.kind, x.day });
                });

            migrationBuilder.CreateTable(
                name: "trigger_year_any_people",
                schema: "therapy",
                columns: table => new
                {
                    year_start = table.Column<int>(type: "integer", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trigger_year_any_people", x => new { x.year_start, x.young_person_id });
                });

            migrationBuilder.CreateTable(
                name: "trigger_year_people",
                schema: "therapy",
                columns: table => new
                {
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    year_start = table.Column<int>(type: "integer", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trigger_year_people", x => new { x.year_start, x.kind, x.young_person_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_trigger_year_any_people_young_person_id",
                schema: "therapy",
                table: "trigger_year_any_people",
                column: "young_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_trigger_year_people_young_person_id",
                schema: "therapy",
                table: "trigger_year_people",
                column: "young_person_id");

            // Fill the read model from the facts already held, as the consumers keep it from now on: a London day's
            // records per trigger kind, and each young person once per kind and financial year (April to March).
            migrationBuilder.Sql("""
                INSERT INTO therapy.trigger_day_counts (kind, day, records)
                SELECT kind, (occurred_at AT TIME ZONE 'Europe/London')::date, count(*)
                FROM therapy.commissioning_facts WHERE kind <> 'CriticalIncident'
                GROUP BY 1, 2;
                INSERT INTO therapy.trigger_year_people (year_start, kind, young_person_id)
                SELECT DISTINCT f.year_start, f.kind, f.young_person_id
                FROM (SELECT kind, young_person_id,
                             extract(year FROM occurred_at AT TIME ZONE 'Europe/London')::int
                               - CASE WHEN extract(month FROM occurred_at AT TIME ZONE 'Europe/London') < 4 THEN 1 ELSE 0 END AS year_start
                      FROM therapy.commissioning_facts WHERE kind <> 'CriticalIncident') f;
                INSERT INTO therapy.trigger_year_any_people (year_start, young_person_id)
                SELECT DISTINCT year_start, young_person_id FROM therapy.trigger_year_people;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trigger_day_counts",
                schema: "therapy");

            migrationBuilder.DropTable(
                name: "trigger_year_any_people",
                schema: "therapy");

            migrationBuilder.DropTable(
                name: "trigger_year_people",
                schema: "therapy");
        }
    }
}
