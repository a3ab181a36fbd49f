using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class Referrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "referrals",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    referrer_role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    referrer_organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    original_cse_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    adult_involved = table.Column<bool>(type: "boolean", nullable: false),
                    indicators = table.Column<string[]>(type: "text[]", nullable: false),
                    sexual_activity = table.Column<bool>(type: "boolean", nullable: false),
                    disclosure_of_assault = table.Column<bool>(type: "boolean", nullable: false),
                    concern_occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    age_on_concern_date = table.Column<int>(type: "integer", nullable: false),
                    narrative = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    rule_table_version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    risk_level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reasonable_cause = table.Column<bool>(type: "boolean", nullable: false),
                    legal_flags = table.Column<string[]>(type: "text[]", nullable: false),
                    original_priority = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    priority_reasons = table.Column<List<string>>(type: "text[]", nullable: false),
                    is_re_referral = table.Column<bool>(type: "boolean", nullable: false),
                    re_referrals_in_last12months = table.Column<int>(type: "integer", nullable: false),
                    manager_review_required = table.Column<bool>(type: "boolean", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    received_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    decision_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cse_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    priority = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    overdue_notified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referrals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "referral_decisions",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    referral_id = table.Column<Guid>(type: "uuid", nullable: false),
                    outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    rationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    decision_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    late = table.Column<bool>(type: "boolean", nullable: false),
                    corrects_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    decided_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referral_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_referral_decisions_referrals_referral_id",
                        column: x => x.referral_id,
                        principalSchema: "referrals",
                        principalTable: "referrals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "referral_reclassifications",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    referral_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_cse_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    to_cse_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    from_priority = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    to_priority = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    rationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    requires_approval = table.Column<bool>(type: "boolean", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    requested_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    requested_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referral_reclassifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_referral_reclassifications_referrals_referral_id",
                        column: x => x.referral_id,
                        principalSchema: "referrals",
                        principalTable: "referrals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "referral_s47_decisions",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    referral_id = table.Column<Guid>(type: "uuid", nullable: false),
                    s47required = table.Column<bool>(type: "boolean", nullable: false),
                    rationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    supersedes_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referral_s47_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_referral_s47_decisions_referrals_referral_id",
                        column: x => x.referral_id,
                        principalSchema: "referrals",
                        principalTable: "referrals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "referral_reclassification_resolutions",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reclassification_id = table.Column<Guid>(type: "uuid", nullable: false),
                    approved = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    resolved_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referral_reclassification_resolutions", x => x.id);
                    table.ForeignKey(
                        name: "fk_referral_reclassification_resolutions_referral_reclassifica",
                        column: x => x.reclassification_id,
                        principalSchema: "referrals",
                        principalTable: "referral_reclassifications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_referral_decisions_referral_id",
                schema: "referrals",
                table: "referral_decisions",
                column: "referral_id",
                unique: true,
                filter: "corrects_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_referral_reclassification_resolutions_reclassification_id",
                schema: "referrals",
                table: "referral_reclassification_resolutions",
                column: "reclassification_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_referral_reclassifications_referral_id",
                schema: "referrals",
                table: "referral_reclassifications",
                column: "referral_id");

            migrationBuilder.CreateIndex(
                name: "ix_referral_s47_decisions_referral_id",
                schema: "referrals",
                table: "referral_s47_decisions",
                column: "referral_id");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_decision_due_at",
                schema: "referrals",
                table: "referrals",
                column: "decision_due_at",
                filter: "decided_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_young_person_id_received_at",
                schema: "referrals",
                table: "referrals",
                columns: new[] { "young_person_id", "received_at" });

            // REC-01, REF-02, REF-03: decisions, s47 decisions, reclassifications and their approvals are never updated
            // or deleted; the referrals row is the current-state projection of them.
            migrationBuilder.MakeAppendOnly("referrals", "referral_decisions");
            migrationBuilder.MakeAppendOnly("referrals", "referral_s47_decisions");
            migrationBuilder.MakeAppendOnly("referrals", "referral_reclassifications");
            migrationBuilder.MakeAppendOnly("referrals", "referral_reclassification_resolutions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "referral_decisions",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "referral_reclassification_resolutions",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "referral_s47_decisions",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "referral_reclassifications",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "referrals",
                schema: "referrals");
        }
    }
}
