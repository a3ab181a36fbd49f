using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_visits",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    face_to_face = table.Column<bool>(type: "boolean", nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_visits_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "referrals",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "visit_gap_notices",
                schema: "referrals",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    announced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visit_gap_notices", x => new { x.case_id, x.since });
                    table.ForeignKey(
                        name: "fk_visit_gap_notices_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "referrals",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_visits_case_id_face_to_face_occurred_at",
                schema: "referrals",
                table: "case_visits",
                columns: new[] { "case_id", "face_to_face", "occurred_at" });

            // REF-23: visits and gap notices are records of work done (and not done) with a child: never edited.
            migrationBuilder.MakeAppendOnly("referrals", "case_visits");
            migrationBuilder.MakeAppendOnly("referrals", "visit_gap_notices");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_visits",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "visit_gap_notices",
                schema: "referrals");
        }
    }
}
