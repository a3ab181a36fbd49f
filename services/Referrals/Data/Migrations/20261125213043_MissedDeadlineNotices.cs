using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class MissedDeadlineNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "overdue_notified_due_at",
                schema: "referrals",
                table: "s47_pathways",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "strategy_action_overdue_notices",
                schema: "referrals",
                columns: table => new
                {
                    action_id = table.Column<Guid>(type: "uuid", nullable: false),
                    announced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_strategy_action_overdue_notices", x => x.action_id);
                    table.ForeignKey(
                        name: "fk_strategy_action_overdue_notices_strategy_actions_action_id",
                        column: x => x.action_id,
                        principalSchema: "referrals",
                        principalTable: "strategy_actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "strategy_action_overdue_notices",
                schema: "referrals");

            migrationBuilder.DropColumn(
                name: "overdue_notified_due_at",
                schema: "referrals",
                table: "s47_pathways");
        }
    }
}
