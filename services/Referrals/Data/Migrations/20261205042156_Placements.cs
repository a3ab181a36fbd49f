using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class Placements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "barred_persons",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_barred_persons", x => x.id);
                    table.ForeignKey(
                        name: "fk_barred_persons_young_people_young_person_id",
                        column: x => x.young_person_id,
                        principalSchema: "referrals",
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "placement_matching_assessments",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    setting = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    setting_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    flags_considered = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    analysis = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    safety_plan = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_placement_matching_assessments", x => x.id);
                    table.ForeignKey(
                        name: "fk_placement_matching_assessments_young_people_young_person_id",
                        column: x => x.young_person_id,
                        principalSchema: "referrals",
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "placement_refusals",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_placement_refusals", x => x.id);
                    table.ForeignKey(
                        name: "fk_placement_refusals_young_people_young_person_id",
                        column: x => x.young_person_id,
                        principalSchema: "referrals",
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "placements",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    setting = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    setting_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    started_on = table.Column<DateOnly>(type: "date", nullable: false),
                    review_by = table.Column<DateOnly>(type: "date", nullable: true),
                    rationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    matching_assessment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    carer_user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    carer_relationship_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_placements", x => x.id);
                    table.ForeignKey(
                        name: "fk_placements_young_people_young_person_id",
                        column: x => x.young_person_id,
                        principalSchema: "referrals",
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "risk_to_others_flags",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    towards_gender = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    towards_younger_than = table.Column<int>(type: "integer", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_to_others_flags", x => x.id);
                    table.ForeignKey(
                        name: "fk_risk_to_others_flags_young_people_young_person_id",
                        column: x => x.young_person_id,
                        principalSchema: "referrals",
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "placement_matching_decisions",
                schema: "referrals",
                columns: table => new
                {
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    rationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    decided_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_placement_matching_decisions", x => x.assessment_id);
                    table.ForeignKey(
                        name: "fk_placement_matching_decisions_placement_matching_assessments",
                        column: x => x.assessment_id,
                        principalSchema: "referrals",
                        principalTable: "placement_matching_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "barred_contact_reports",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    placement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    barred_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    account = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    critical_incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_barred_contact_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_barred_contact_reports_barred_persons_barred_person_id",
                        column: x => x.barred_person_id,
                        principalSchema: "referrals",
                        principalTable: "barred_persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_barred_contact_reports_placements_placement_id",
                        column: x => x.placement_id,
                        principalSchema: "referrals",
                        principalTable: "placements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "placement_endings",
                schema: "referrals",
                columns: table => new
                {
                    placement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    next_placement_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_placement_endings", x => x.placement_id);
                    table.ForeignKey(
                        name: "fk_placement_endings_placements_placement_id",
                        column: x => x.placement_id,
                        principalSchema: "referrals",
                        principalTable: "placements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "risk_to_others_withdrawals",
                schema: "referrals",
                columns: table => new
                {
                    flag_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    withdrawn_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_to_others_withdrawals", x => x.flag_id);
                    table.ForeignKey(
                        name: "fk_risk_to_others_withdrawals_risk_to_others_flags_flag_id",
                        column: x => x.flag_id,
                        principalSchema: "referrals",
                        principalTable: "risk_to_others_flags",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_barred_contact_reports_barred_person_id",
                schema: "referrals",
                table: "barred_contact_reports",
                column: "barred_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_barred_contact_reports_placement_id",
                schema: "referrals",
                table: "barred_contact_reports",
                column: "placement_id");

            migrationBuilder.CreateIndex(
                name: "ix_barred_persons_young_person_id",
                schema: "referrals",
                table: "barred_persons",
                column: "young_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_placement_matching_assessments_young_person_id_setting_key",
                schema: "referrals",
                table: "placement_matching_assessments",
                columns: new[] { "young_person_id", "setting_key" });

            migrationBuilder.CreateIndex(
                name: "ix_placement_refusals_young_person_id",
                schema: "referrals",
                table: "placement_refusals",
                column: "young_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_placements_setting_key",
                schema: "referrals",
                table: "placements",
                column: "setting_key");

            migrationBuilder.CreateIndex(
                name: "ix_placements_young_person_id",
                schema: "referrals",
                table: "placements",
                column: "young_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_risk_to_others_flags_young_person_id",
                schema: "referrals",
                table: "risk_to_others_flags",
                column: "young_person_id");

            // REF-26, REF-27: every placement record is append-only; endings, withdrawals and decisions are their own rows.
            migrationBuilder.MakeAppendOnly("referrals", "placements");
            migrationBuilder.MakeAppendOnly("referrals", "placement_endings");
            migrationBuilder.MakeAppendOnly("referrals", "placement_refusals");
            migrationBuilder.MakeAppendOnly("referrals", "risk_to_others_flags");
            migrationBuilder.MakeAppendOnly("referrals", "risk_to_others_withdrawals");
            migrationBuilder.MakeAppendOnly("referrals", "placement_matching_assessments");
            migrationBuilder.MakeAppendOnly("referrals", "placement_matching_decisions");
            migrationBuilder.MakeAppendOnly("referrals", "barred_persons");
            migrationBuilder.MakeAppendOnly("referrals", "barred_contact_reports");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "barred_contact_reports",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "placement_endings",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "placement_matching_decisions",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "placement_refusals",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "risk_to_others_withdrawals",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "barred_persons",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "placements",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "placement_matching_assessments",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "risk_to_others_flags",
                schema: "referrals");
        }
    }
}
