using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Therapy.Data.Migrations
{
    /// <inheritdoc />
    public partial class TherapyReferralTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "trigger_year_people_counts",
                schema: "therapy",
                columns: table => new
                {
                    year_start = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    people = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trigger_year_people_counts", x => new { x.year_start, x.kind });
                });

            // COM-03: the therapy referrals made and declined before this change join the triggers' read model as the
            // endpoints now count them (CommissioningCounts): by London day, young person and financial year, and late
            // (COM-09) when recorded after the year they are dated in had ended. Then every kind's count of young people.
            migrationBuilder.Sql("""
                CREATE TEMP TABLE therapy_trigger_records ON COMMIT DROP AS
                SELECT kind, young_person_id, recorded_at, day,
                       extract(year FROM day)::int - CASE WHEN extract(month FROM day) < 4 THEN 1 ELSE 0 END AS year_start
                FROM (SELECT 'MentalHealthReferral' AS kind, young_person_id, recorded_at, (referred_at AT TIME ZONE 'Europe/London')::date AS day
                      FROM therapy.referrals
                      UNION ALL
                      SELECT 'MentalHealthDecline', young_person_id, outcome_recorded_at, (outcome_at AT TIME ZONE 'Europe/London')::date
                      FROM therapy.referrals WHERE status = 'Declined' AND outcome_at IS NOT NULL) r;
                INSERT INTO therapy.trigger_day_counts (kind, day, records)
                SELECT kind, day, count(*) FROM therapy_trigger_records GROUP BY 1, 2;
                INSERT INTO therapy.trigger_year_people (year_start, kind, young_person_id)
                SELECT DISTINCT year_start, kind, young_person_id FROM therapy_trigger_records;
                INSERT INTO therapy.trigger_year_any_people (year_start, young_person_id)
                SELECT DISTINCT year_start, young_person_id FROM therapy_trigger_records ON CONFLICT DO NOTHING;
                INSERT INTO therapy.trigger_late_counts (year_start, kind, records, last_recorded_at)
                SELECT year_start, kind, count(*), max(recorded_at) FROM therapy_trigger_records
                WHERE recorded_at >= make_timestamptz(year_start + 1, 4, 1, 0, 0, 0, 'Europe/London')
                GROUP BY 1, 2;
                INSERT INTO therapy.trigger_year_people_counts (year_start, kind, people)
                SELECT year_start, kind, count(*) FROM therapy.trigger_year_people GROUP BY 1, 2;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trigger_year_people_counts",
                schema: "therapy");
        }
    }
}
