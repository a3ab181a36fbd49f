using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReferralUnmetNeedRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "unmet_needs",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    need_category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    since = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unmet_needs", x => x.id);
                    table.ForeignKey(
                        name: "fk_unmet_needs_young_people_young_person_id",
                        column: x => x.young_person_id,
                        principalSchema: "referrals",
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "unmet_needs_met",
                schema: "referrals",
                columns: table => new
                {
                    unmet_need_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    met_on = table.Column<DateOnly>(type: "date", nullable: false),
                    how = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unmet_needs_met", x => x.unmet_need_id);
                    table.ForeignKey(
                        name: "fk_unmet_needs_met_unmet_needs_unmet_need_id",
                        column: x => x.unmet_need_id,
                        principalSchema: "referrals",
                        principalTable: "unmet_needs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_unmet_needs_young_person_id",
                schema: "referrals",
                table: "unmet_needs",
                column: "young_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_unmet_needs_met_young_person_id",
                schema: "referrals",
                table: "unmet_needs_met",
                column: "young_person_id");

            // Records, never edited: being met is a row of its own (COM-05).
            migrationBuilder.MakeAppendOnly("referrals", "unmet_needs");
            migrationBuilder.MakeAppendOnly("referrals", "unmet_needs_met");

            // Need tasks completed as unmet before the register kept their id, so they join it under the id the ledger
            // was given. Those from assessment sign-offs and placements were announced with ids that were never stored
            // here; the ledger keeps them, and they cannot be recorded as met from Referrals.
            migrationBuilder.Sql("""
                INSERT INTO referrals.unmet_needs (id, young_person_id, need_category, reason, source, source_id, since, recorded_by, recorded_by_role, recorded_at)
                SELECT c.unmet_need_id, t.young_person_id, t.category, c.unmet_need_reason, 'NeedTask', t.id,
                       (c.completed_at AT TIME ZONE 'Europe/London')::date, c.completed_by, c.completed_by_role, c.completed_at
                FROM referrals.assessment_need_task_completions c
                JOIN referrals.assessment_need_tasks t ON t.id = c.task_id
                WHERE c.unmet_need_id IS NOT NULL AND c.unmet_need_reason IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "unmet_needs_met",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "unmet_needs",
                schema: "referrals");
        }
    }
}
