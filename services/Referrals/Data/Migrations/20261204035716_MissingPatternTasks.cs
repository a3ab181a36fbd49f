using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class MissingPatternTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_manager_tasks_one_strategy_decision_per_pattern",
                schema: "referrals",
                table: "manager_tasks",
                columns: new[] { "kind", "source_id" },
                unique: true,
                filter: "kind = 'StrategyMeetingDecision'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_manager_tasks_one_strategy_decision_per_pattern",
                schema: "referrals",
                table: "manager_tasks");
        }
    }
}
