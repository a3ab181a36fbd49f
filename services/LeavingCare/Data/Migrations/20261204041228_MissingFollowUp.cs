using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.LeavingCare.Data.Migrations
{
    /// <inheritdoc />
    public partial class MissingFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "closures",
                schema: "leavingcare",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    young_persons_views = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    rationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_closures", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "follow_up_tasks",
                schema: "leavingcare",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    episode_id = table.Column<Guid>(type: "uuid", nullable: false),
                    step = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    assigned_to = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    completion_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_up_tasks", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_closures_young_person_id",
                schema: "leavingcare",
                table: "closures",
                column: "young_person_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_follow_up_tasks_episode_id_step",
                schema: "leavingcare",
                table: "follow_up_tasks",
                columns: new[] { "episode_id", "step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_follow_up_tasks_young_person_id_completed_at",
                schema: "leavingcare",
                table: "follow_up_tasks",
                columns: new[] { "young_person_id", "completed_at" });

            // LC-02: a closure decision is never changed or removed.
            migrationBuilder.MakeAppendOnly("leavingcare", "closures");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "closures",
                schema: "leavingcare");

            migrationBuilder.DropTable(
                name: "follow_up_tasks",
                schema: "leavingcare");
        }
    }
}
