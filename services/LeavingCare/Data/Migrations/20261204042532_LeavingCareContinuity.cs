using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.LeavingCare.Data.Migrations
{
    /// <inheritdoc />
    public partial class LeavingCareContinuity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "in_education_or_training",
                schema: "leavingcare",
                table: "pictures",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "victim_with_ongoing_support_needs_since",
                schema: "leavingcare",
                table: "pictures",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "escalated_at",
                schema: "leavingcare",
                table: "alerts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_alerts_acknowledged_at_escalated_at_raised_at",
                schema: "leavingcare",
                table: "alerts",
                columns: new[] { "acknowledged_at", "escalated_at", "raised_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_alerts_acknowledged_at_escalated_at_raised_at",
                schema: "leavingcare",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "in_education_or_training",
                schema: "leavingcare",
                table: "pictures");

            migrationBuilder.DropColumn(
                name: "victim_with_ongoing_support_needs_since",
                schema: "leavingcare",
                table: "pictures");

            migrationBuilder.DropColumn(
                name: "escalated_at",
                schema: "leavingcare",
                table: "alerts");
        }
    }
}
