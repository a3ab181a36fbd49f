using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class StrategyActionDeferrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "strategy_action_deferrals",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    action_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    from_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    to_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_strategy_action_deferrals", x => x.id);
                    table.ForeignKey(
                        name: "fk_strategy_action_deferrals_strategy_actions_action_id",
                        column: x => x.action_id,
                        principalSchema: "referrals",
                        principalTable: "strategy_actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_strategy_action_deferrals_action_id_number",
                schema: "referrals",
                table: "strategy_action_deferrals",
                columns: new[] { "action_id", "number" },
                unique: true);

            // COM-10: a deferral is a record of a slip; it is never edited or removed.
            migrationBuilder.MakeAppendOnly("referrals", "strategy_action_deferrals");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "strategy_action_deferrals",
                schema: "referrals");
        }
    }
}
