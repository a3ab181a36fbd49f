using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseSupervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_supervisions",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    current_hypothesis = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    alternatives_considered = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    hypothesis_challenged = table.Column<bool>(type: "boolean", nullable: false),
                    discussion = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    social_work_registered = table.Column<bool>(type: "boolean", nullable: false),
                    not_team_manager_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    supervisor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    supervisor_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_supervisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_supervisions_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "referrals",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_supervisions_case_id_occurred_at",
                schema: "referrals",
                table: "case_supervisions",
                columns: new[] { "case_id", "occurred_at" });

            // REF-18, REC-06: a supervision record is never changed.
            migrationBuilder.MakeAppendOnly("referrals", "case_supervisions");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_supervisions",
                schema: "referrals");
        }
    }
}
