using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Therapy.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReferralDemandReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "referral_month_counts",
                schema: "therapy",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    referrer_role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    cse_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    adult_first_referral = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    referrals = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referral_month_counts", x => new { x.month, x.referrer_role, x.cse_type, x.adult_first_referral });
                });

            migrationBuilder.CreateTable(
                name: "referral_year_people",
                schema: "therapy",
                columns: table => new
                {
                    year_start = table.Column<int>(type: "integer", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referral_year_people", x => new { x.year_start, x.young_person_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_referral_year_people_young_person_id",
                schema: "therapy",
                table: "referral_year_people",
                column: "young_person_id");

            // Fill the read model from the referrals already held, as the referral consumer keeps it from now on: a London
            // month's referrals by role, the type each is counted under (its latest reclassification's, else the one it
            // arrived as) and where it falls among adults' first referrals
            // (ReferralDemand.AdultFirstReferral), and each young person once per financial year (April to March).
            migrationBuilder.Sql("""
                INSERT INTO therapy.referral_month_counts (month, referrer_role, cse_type, adult_first_referral, referrals)
                SELECT date_trunc('month', d.received_at AT TIME ZONE 'Europe/London')::date, d.referrer_role,
                       coalesce((SELECT c.to_cse_type FROM therapy.referral_reclassifications c
                                 WHERE c.referral_id = d.referral_id ORDER BY c.occurred_at DESC LIMIT 1), d.received_cse_type),
                       CASE WHEN d.is_re_referral THEN 'NotOne'
                            WHEN d.age_at_referral IS NULL OR d.age_on_concern_date IS NULL THEN 'AgesNotKnown'
                            WHEN d.age_at_referral < 18 THEN 'NotOne'
                            WHEN d.age_on_concern_date < 18 THEN 'ConcernBefore18'
                            ELSE 'ConcernAt18OrOver' END,
                       count(*)
                FROM therapy.referral_demand d
                GROUP BY 1, 2, 3, 4;
                INSERT INTO therapy.referral_year_people (year_start, young_person_id)
                SELECT DISTINCT extract(year FROM received_at AT TIME ZONE 'Europe/London')::int
                         - CASE WHEN extract(month FROM received_at AT TIME ZONE 'Europe/London') < 4 THEN 1 ELSE 0 END,
                       young_person_id
                FROM therapy.referral_demand;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "referral_month_counts",
                schema: "therapy");

            migrationBuilder.DropTable(
                name: "referral_year_people",
                schema: "therapy");
        }
    }
}
