using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Missing.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseworkDepth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "police_refusal_reason",
                schema: "missing",
                table: "return_interviews",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "police_refusal_recorded_at",
                schema: "missing",
                table: "return_interviews",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "police_refusal_recorded_by",
                schema: "missing",
                table: "return_interviews",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "police_refusal_recorded_by_role",
                schema: "missing",
                table: "return_interviews",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "police_refused_at",
                schema: "missing",
                table: "return_interviews",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "proposed_persons",
                schema: "missing",
                table: "return_interviews",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<List<string>>(
                name: "proposed_places",
                schema: "missing",
                table: "return_interviews",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<List<string>>(
                name: "proposed_vehicles",
                schema: "missing",
                table: "return_interviews",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<bool>(
                name: "return_recorded_late",
                schema: "missing",
                table: "episodes",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "strategy_decision_requested_at",
                schema: "missing",
                table: "episodes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "alerts",
                schema: "missing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    episode_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    acknowledged_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alerts", x => x.id);
                    table.ForeignKey(
                        name: "fk_alerts_episodes_episode_id",
                        column: x => x.episode_id,
                        principalSchema: "missing",
                        principalTable: "episodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "disruption_options",
                schema: "missing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    interview_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tool = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    decision = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rationale = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disruption_options", x => x.id);
                    table.ForeignKey(
                        name: "fk_disruption_options_return_interviews_interview_id",
                        column: x => x.interview_id,
                        principalSchema: "missing",
                        principalTable: "return_interviews",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alerts_episode_id_recipient_reason",
                schema: "missing",
                table: "alerts",
                columns: new[] { "episode_id", "recipient", "reason" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_alerts_recipient_acknowledged_at",
                schema: "missing",
                table: "alerts",
                columns: new[] { "recipient", "acknowledged_at" });

            migrationBuilder.CreateIndex(
                name: "ix_disruption_options_interview_id",
                schema: "missing",
                table: "disruption_options",
                column: "interview_id");

            migrationBuilder.CreateIndex(
                name: "ix_disruption_options_young_person_id_tool",
                schema: "missing",
                table: "disruption_options",
                columns: new[] { "young_person_id", "tool" });

            // INT-03: a disruption decision is never changed or removed; alerts are acknowledged, never deleted.
            migrationBuilder.MakeAppendOnly("missing", "disruption_options");
            migrationBuilder.Sql("""
                CREATE TRIGGER alerts_no_delete BEFORE DELETE ON "missing"."alerts"
                    FOR EACH ROW EXECUTE FUNCTION "missing".refuse_delete();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alerts",
                schema: "missing");

            migrationBuilder.DropTable(
                name: "disruption_options",
                schema: "missing");

            migrationBuilder.DropColumn(
                name: "police_refusal_reason",
                schema: "missing",
                table: "return_interviews");

            migrationBuilder.DropColumn(
                name: "police_refusal_recorded_at",
                schema: "missing",
                table: "return_interviews");

            migrationBuilder.DropColumn(
                name: "police_refusal_recorded_by",
                schema: "missing",
                table: "return_interviews");

            migrationBuilder.DropColumn(
                name: "police_refusal_recorded_by_role",
                schema: "missing",
                table: "return_interviews");

            migrationBuilder.DropColumn(
                name: "police_refused_at",
                schema: "missing",
                table: "return_interviews");

            migrationBuilder.DropColumn(
                name: "proposed_persons",
                schema: "missing",
                table: "return_interviews");

            migrationBuilder.DropColumn(
                name: "proposed_places",
                schema: "missing",
                table: "return_interviews");

            migrationBuilder.DropColumn(
                name: "proposed_vehicles",
                schema: "missing",
                table: "return_interviews");

            migrationBuilder.DropColumn(
                name: "return_recorded_late",
                schema: "missing",
                table: "episodes");

            migrationBuilder.DropColumn(
                name: "strategy_decision_requested_at",
                schema: "missing",
                table: "episodes");
        }
    }
}
