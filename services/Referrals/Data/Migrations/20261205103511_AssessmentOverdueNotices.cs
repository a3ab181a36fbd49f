using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class AssessmentOverdueNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessment_need_task_overdue_notices",
                schema: "referrals",
                columns: table => new
                {
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    announced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessment_need_task_overdue_notices", x => x.task_id);
                    table.ForeignKey(
                        name: "fk_assessment_need_task_overdue_notices_assessment_need_tasks_",
                        column: x => x.task_id,
                        principalSchema: "referrals",
                        principalTable: "assessment_need_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_overdue_notices",
                schema: "referrals",
                columns: table => new
                {
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    announced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessment_overdue_notices", x => x.assessment_id);
                    table.ForeignKey(
                        name: "fk_assessment_overdue_notices_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalSchema: "referrals",
                        principalTable: "assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessment_need_task_overdue_notices",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "assessment_overdue_notices",
                schema: "referrals");
        }
    }
}
