using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Missing.Data.Migrations
{
    /// <inheritdoc />
    public partial class Episodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "episodes",
                schema: "missing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    missing_from = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    believed_with = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    reported_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    police_reference = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    circumstances = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    placement_informed = table.Column<bool>(type: "boolean", nullable: true),
                    command_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    returned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    where_found = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    found_with = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    how_returned = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    return_recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    return_recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    return_recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    repeat_missing_detected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_episodes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "return_interviews",
                schema: "missing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    episode_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    returned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    offered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    offer_recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    offer_recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    offer_recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    conducted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    where_they_were = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    locations = table.Column<List<string>>(type: "text[]", nullable: false),
                    who_with = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    push_factors = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    pull_factors = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    risk_indicators = table.Column<string[]>(type: "text[]", nullable: false),
                    disclosure_made = table.Column<bool>(type: "boolean", nullable: true),
                    disclosure = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    young_persons_words = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    sharing_basis = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    not_held_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    outcome_recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outcome_recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    outcome_recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    overdue_notified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_return_interviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_return_interviews_episodes_episode_id",
                        column: x => x.episode_id,
                        principalSchema: "missing",
                        principalTable: "episodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_episodes_command_id",
                schema: "missing",
                table: "episodes",
                column: "command_id",
                unique: true,
                filter: "command_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_episodes_one_open_per_young_person",
                schema: "missing",
                table: "episodes",
                column: "young_person_id",
                unique: true,
                filter: "returned_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_episodes_young_person_id_last_seen_at",
                schema: "missing",
                table: "episodes",
                columns: new[] { "young_person_id", "last_seen_at" });

            migrationBuilder.CreateIndex(
                name: "ix_return_interviews_episode_id",
                schema: "missing",
                table: "return_interviews",
                column: "episode_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_return_interviews_status_due_at",
                schema: "missing",
                table: "return_interviews",
                columns: new[] { "status", "due_at" });

            // REC-01: episodes and interviews change state, but a row is never deleted by the application.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION "missing".refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  RAISE EXCEPTION 'rows of %.% are never deleted', TG_TABLE_SCHEMA, TG_TABLE_NAME
                    USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER episodes_no_delete BEFORE DELETE ON "missing"."episodes"
                  FOR EACH ROW EXECUTE FUNCTION "missing".refuse_delete();
                CREATE TRIGGER return_interviews_no_delete BEFORE DELETE ON "missing"."return_interviews"
                  FOR EACH ROW EXECUTE FUNCTION "missing".refuse_delete();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS return_interviews_no_delete ON "missing"."return_interviews";
                DROP TRIGGER IF EXISTS episodes_no_delete ON "missing"."episodes";
                DROP FUNCTION IF EXISTS "missing".refuse_delete();
                """);

            migrationBuilder.DropTable(
                name: "return_interviews",
                schema: "missing");

            migrationBuilder.DropTable(
                name: "episodes",
                schema: "missing");
        }
    }
}
