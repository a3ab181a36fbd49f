using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class StaffDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "staff_members",
                schema: "referrals",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    registered_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_members", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "strategy_action_reassignments",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    action_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    from_owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    to_owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_strategy_action_reassignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_strategy_action_reassignments_strategy_actions_action_id",
                        column: x => x.action_id,
                        principalSchema: "referrals",
                        principalTable: "strategy_actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_deactivations",
                schema: "referrals",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    deactivated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deactivated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_deactivations", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_staff_deactivations_staff_members_user_id",
                        column: x => x.user_id,
                        principalSchema: "referrals",
                        principalTable: "staff_members",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_strategy_actions_owner",
                schema: "referrals",
                table: "strategy_actions",
                column: "owner");

            migrationBuilder.CreateIndex(
                name: "ix_strategy_action_reassignments_action_id_number",
                schema: "referrals",
                table: "strategy_action_reassignments",
                columns: new[] { "action_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_strategy_action_reassignments_to_owner",
                schema: "referrals",
                table: "strategy_action_reassignments",
                column: "to_owner");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "staff_deactivations",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "strategy_action_reassignments",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "staff_members",
                schema: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_strategy_actions_owner",
                schema: "referrals",
                table: "strategy_actions");
        }
    }
}
