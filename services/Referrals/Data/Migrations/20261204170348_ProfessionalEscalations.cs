using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProfessionalEscalations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "professional_escalations",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    decision_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    decision_made_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    decision_made_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    concern = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    reviewer_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    respond_by = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    lodged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    lodged_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    lodged_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    overdue_announced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_professional_escalations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "share_refusals",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    information_requested = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_share_refusals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "escalation_procedural_defects",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    escalation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_escalation_procedural_defects", x => x.id);
                    table.ForeignKey(
                        name: "fk_escalation_procedural_defects_professional_escalation_escal",
                        column: x => x.escalation_id,
                        principalSchema: "referrals",
                        principalTable: "professional_escalations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "escalation_responses",
                schema: "referrals",
                columns: table => new
                {
                    escalation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    response = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    late = table.Column<bool>(type: "boolean", nullable: false),
                    responded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    responded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    responded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_escalation_responses", x => x.escalation_id);
                    table.ForeignKey(
                        name: "fk_escalation_responses_professional_escalation_escalation_id",
                        column: x => x.escalation_id,
                        principalSchema: "referrals",
                        principalTable: "professional_escalations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_escalation_procedural_defects_escalation_id",
                schema: "referrals",
                table: "escalation_procedural_defects",
                column: "escalation_id");

            migrationBuilder.CreateIndex(
                name: "ix_professional_escalations_lodged_by",
                schema: "referrals",
                table: "professional_escalations",
                column: "lodged_by");

            migrationBuilder.CreateIndex(
                name: "ix_professional_escalations_respond_by",
                schema: "referrals",
                table: "professional_escalations",
                column: "respond_by");

            migrationBuilder.CreateIndex(
                name: "ix_professional_escalations_young_person_id",
                schema: "referrals",
                table: "professional_escalations",
                column: "young_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_share_refusals_young_person_id",
                schema: "referrals",
                table: "share_refusals",
                column: "young_person_id");

            // REF-21, REC-11: a response, a procedural defect and a refusal to share are never changed once written.
            migrationBuilder.MakeAppendOnly("referrals", "escalation_responses");
            migrationBuilder.MakeAppendOnly("referrals", "escalation_procedural_defects");
            migrationBuilder.MakeAppendOnly("referrals", "share_refusals");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "escalation_procedural_defects",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "escalation_responses",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "share_refusals",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "professional_escalations",
                schema: "referrals");
        }
    }
}
