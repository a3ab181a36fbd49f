using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class RiskAssessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "completed_at",
                schema: "referrals",
                table: "risk_reviews",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "overdue_notified_at",
                schema: "referrals",
                table: "risk_reviews",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reason",
                schema: "referrals",
                table: "risk_reviews",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                schema: "referrals",
                table: "current_risk_levels",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "legal_flags",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    flag = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_date = table.Column<DateOnly>(type: "date", nullable: false),
                    age_on_event_date = table.Column<int>(type: "integer", nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    raised_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_legal_flags", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "manager_tasks",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    flag = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_manager_tasks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "missing_episodes_seen",
                schema: "referrals",
                columns: table => new
                {
                    episode_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_missing_episodes_seen", x => x.episode_id);
                });

            migrationBuilder.CreateTable(
                name: "risk_assessments",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    review_id = table.Column<Guid>(type: "uuid", nullable: true),
                    event_date = table.Column<DateOnly>(type: "date", nullable: false),
                    age_on_event_date = table.Column<int>(type: "integer", nullable: true),
                    indicators = table.Column<string[]>(type: "text[]", nullable: false),
                    sexual_activity = table.Column<bool>(type: "boolean", nullable: false),
                    disclosure_of_assault = table.Column<bool>(type: "boolean", nullable: false),
                    missing_episodes_in_last90days = table.Column<int>(type: "integer", nullable: false),
                    rule_table_version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    suggested_level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    matches = table.Column<string>(type: "jsonb", nullable: false),
                    contributing_indicators = table.Column<string[]>(type: "text[]", nullable: false),
                    legal_flags = table.Column<string[]>(type: "text[]", nullable: false),
                    chosen_level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    previous_level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    level_in_force_while_awaiting = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    requires_countersignature = table.Column<bool>(type: "boolean", nullable: false),
                    rationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    notes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_assessments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "risk_review_completions",
                schema: "referrals",
                columns: table => new
                {
                    review_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    rationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    actions = table.Column<string>(type: "jsonb", nullable: false),
                    trigger_review_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    completed_late = table.Column<bool>(type: "boolean", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    completed_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_review_completions", x => x.review_id);
                    table.ForeignKey(
                        name: "fk_risk_review_completions_risk_reviews_review_id",
                        column: x => x.review_id,
                        principalSchema: "referrals",
                        principalTable: "risk_reviews",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "manager_task_completions",
                schema: "referrals",
                columns: table => new
                {
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    completed_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_manager_task_completions", x => x.task_id);
                    table.ForeignKey(
                        name: "fk_manager_task_completions_manager_tasks_task_id",
                        column: x => x.task_id,
                        principalSchema: "referrals",
                        principalTable: "manager_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "risk_assessment_countersignatures",
                schema: "referrals",
                columns: table => new
                {
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    countersigned_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    countersigned_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    countersigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_assessment_countersignatures", x => x.assessment_id);
                    table.ForeignKey(
                        name: "fk_risk_assessment_countersignatures_risk_assessments_assessme",
                        column: x => x.assessment_id,
                        principalSchema: "referrals",
                        principalTable: "risk_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_legal_flags_flag_raised_at",
                schema: "referrals",
                table: "legal_flags",
                columns: new[] { "flag", "raised_at" });

            migrationBuilder.CreateIndex(
                name: "ix_legal_flags_young_person_id_flag_source_id",
                schema: "referrals",
                table: "legal_flags",
                columns: new[] { "young_person_id", "flag", "source_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_manager_tasks_created_at",
                schema: "referrals",
                table: "manager_tasks",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_manager_tasks_young_person_id",
                schema: "referrals",
                table: "manager_tasks",
                column: "young_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_missing_episodes_seen_young_person_id_last_seen_at",
                schema: "referrals",
                table: "missing_episodes_seen",
                columns: new[] { "young_person_id", "last_seen_at" });

            migrationBuilder.CreateIndex(
                name: "ix_risk_assessments_suggested_level_chosen_level",
                schema: "referrals",
                table: "risk_assessments",
                columns: new[] { "suggested_level", "chosen_level" });

            migrationBuilder.CreateIndex(
                name: "ix_risk_assessments_young_person_id_recorded_at",
                schema: "referrals",
                table: "risk_assessments",
                columns: new[] { "young_person_id", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_risk_review_completions_young_person_id_completed_at",
                schema: "referrals",
                table: "risk_review_completions",
                columns: new[] { "young_person_id", "completed_at" });

            // Case records: rows are added, never changed or deleted (countersignatures and completions are rows of their own).
            migrationBuilder.MakeAppendOnly("referrals", "risk_assessments");
            migrationBuilder.MakeAppendOnly("referrals", "risk_assessment_countersignatures");
            migrationBuilder.MakeAppendOnly("referrals", "legal_flags");
            migrationBuilder.MakeAppendOnly("referrals", "manager_tasks");
            migrationBuilder.MakeAppendOnly("referrals", "manager_task_completions");
            migrationBuilder.MakeAppendOnly("referrals", "risk_review_completions");
            migrationBuilder.MakeAppendOnly("referrals", "missing_episodes_seen");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "legal_flags",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "manager_task_completions",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "missing_episodes_seen",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "risk_assessment_countersignatures",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "risk_review_completions",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "manager_tasks",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "risk_assessments",
                schema: "referrals");

            migrationBuilder.DropColumn(
                name: "completed_at",
                schema: "referrals",
                table: "risk_reviews");

            migrationBuilder.DropColumn(
                name: "overdue_notified_at",
                schema: "referrals",
                table: "risk_reviews");

            migrationBuilder.DropColumn(
                name: "reason",
                schema: "referrals",
                table: "risk_reviews");

            migrationBuilder.DropColumn(
                name: "xmin",
                schema: "referrals",
                table: "current_risk_levels");
        }
    }
}
