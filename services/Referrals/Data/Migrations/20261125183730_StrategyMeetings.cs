using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class StrategyMeetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "organised_abuse_networks",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    value = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    identified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organised_abuse_networks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "s47_pathways",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    referral_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reasonable_cause_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    very_high = table.Column<bool>(type: "boolean", nullable: false),
                    stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    stage_entered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    strategy_discussion_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_s47_pathways", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "strategy_meetings",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    pathway_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    held_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    chair = table.Column<string>(type: "jsonb", nullable: true),
                    attendees = table.Column<string>(type: "jsonb", nullable: false),
                    child_views = table.Column<string>(type: "jsonb", nullable: false),
                    family_view = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    decisions = table.Column<string>(type: "jsonb", nullable: false),
                    actions = table.Column<string>(type: "jsonb", nullable: false),
                    no_further_action = table.Column<bool>(type: "boolean", nullable: false),
                    no_further_action_rationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    organised_or_multiple_abuse = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    finalised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finalised_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    finalised_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_strategy_meetings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "young_person_links",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    value = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_young_person_links", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organised_abuse_flags",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    network_id = table.Column<Guid>(type: "uuid", nullable: false),
                    set_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organised_abuse_flags", x => x.id);
                    table.ForeignKey(
                        name: "fk_organised_abuse_flags_organised_abuse_networks_network_id",
                        column: x => x.network_id,
                        principalSchema: "referrals",
                        principalTable: "organised_abuse_networks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "s47_stage_transitions",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pathway_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    from_stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    to_stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    rationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_s47_stage_transitions", x => x.id);
                    table.ForeignKey(
                        name: "fk_s47_stage_transitions_s47_pathways_pathway_id",
                        column: x => x.pathway_id,
                        principalSchema: "referrals",
                        principalTable: "s47_pathways",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "strategy_actions",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_strategy_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_strategy_actions_strategy_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalSchema: "referrals",
                        principalTable: "strategy_meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "strategy_meeting_addenda",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_strategy_meeting_addenda", x => x.id);
                    table.ForeignKey(
                        name: "fk_strategy_meeting_addenda_strategy_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalSchema: "referrals",
                        principalTable: "strategy_meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "strategy_action_completions",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    action_id = table.Column<Guid>(type: "uuid", nullable: false),
                    note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    late = table.Column<bool>(type: "boolean", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_strategy_action_completions", x => x.id);
                    table.ForeignKey(
                        name: "fk_strategy_action_completions_strategy_actions_action_id",
                        column: x => x.action_id,
                        principalSchema: "referrals",
                        principalTable: "strategy_actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_organised_abuse_flags_network_id",
                schema: "referrals",
                table: "organised_abuse_flags",
                column: "network_id");

            migrationBuilder.CreateIndex(
                name: "ix_organised_abuse_flags_young_person_id_network_id",
                schema: "referrals",
                table: "organised_abuse_flags",
                columns: new[] { "young_person_id", "network_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_organised_abuse_networks_kind_value",
                schema: "referrals",
                table: "organised_abuse_networks",
                columns: new[] { "kind", "value" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_s47_pathways_referral_id",
                schema: "referrals",
                table: "s47_pathways",
                column: "referral_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_s47_pathways_stage_due_at",
                schema: "referrals",
                table: "s47_pathways",
                columns: new[] { "stage", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_s47_pathways_young_person_id",
                schema: "referrals",
                table: "s47_pathways",
                column: "young_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_s47_stage_transitions_pathway_id_sequence",
                schema: "referrals",
                table: "s47_stage_transitions",
                columns: new[] { "pathway_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_strategy_action_completions_action_id",
                schema: "referrals",
                table: "strategy_action_completions",
                column: "action_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_strategy_actions_due_at",
                schema: "referrals",
                table: "strategy_actions",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "ix_strategy_actions_meeting_id",
                schema: "referrals",
                table: "strategy_actions",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_strategy_actions_young_person_id_due_at",
                schema: "referrals",
                table: "strategy_actions",
                columns: new[] { "young_person_id", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_strategy_meeting_addenda_meeting_id",
                schema: "referrals",
                table: "strategy_meeting_addenda",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_strategy_meetings_pathway_ids",
                schema: "referrals",
                table: "strategy_meetings",
                column: "pathway_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_strategy_meetings_young_person_ids",
                schema: "referrals",
                table: "strategy_meetings",
                column: "young_person_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_young_person_links_kind_value",
                schema: "referrals",
                table: "young_person_links",
                columns: new[] { "kind", "value" });

            migrationBuilder.CreateIndex(
                name: "ix_young_person_links_young_person_id_kind_value",
                schema: "referrals",
                table: "young_person_links",
                columns: new[] { "young_person_id", "kind", "value" },
                unique: true);

            // Case records: written once, corrected by new rows (REC-01). s47_pathways is the mutable current state
            // beside its append-only history, s47_stage_transitions.
            migrationBuilder.MakeAppendOnly("referrals", "s47_stage_transitions");
            migrationBuilder.MakeAppendOnly("referrals", "strategy_actions");
            migrationBuilder.MakeAppendOnly("referrals", "strategy_action_completions");
            migrationBuilder.MakeAppendOnly("referrals", "strategy_meeting_addenda");
            migrationBuilder.MakeAppendOnly("referrals", "young_person_links");
            migrationBuilder.MakeAppendOnly("referrals", "organised_abuse_networks");
            migrationBuilder.MakeAppendOnly("referrals", "organised_abuse_flags");
            // A draft meeting is saved again and again; a finalised one never changes, and no meeting is deleted (REF-11).
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION "referrals".refuse_finalised_meeting_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'DELETE' OR OLD.status = 'Finalised' THEN
                    RAISE EXCEPTION 'a finalised strategy meeting cannot change: add an addendum instead'
                      USING ERRCODE = 'insufficient_privilege';
                  END IF;
                  RETURN NEW;
                END $$;
                CREATE TRIGGER strategy_meetings_finalised_immutable BEFORE UPDATE OR DELETE ON "referrals"."strategy_meetings"
                  FOR EACH ROW EXECUTE FUNCTION "referrals".refuse_finalised_meeting_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "referrals".refuse_finalised_meeting_change() CASCADE;""");

            migrationBuilder.DropTable(
                name: "organised_abuse_flags",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "s47_stage_transitions",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "strategy_action_completions",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "strategy_meeting_addenda",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "young_person_links",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "organised_abuse_networks",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "s47_pathways",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "strategy_actions",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "strategy_meetings",
                schema: "referrals");
        }
    }
}
