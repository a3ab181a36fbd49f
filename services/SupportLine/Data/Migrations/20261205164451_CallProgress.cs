using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.SupportLine.Data.Migrations
{
    /// <inheritdoc />
    public partial class CallProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "answered_at",
                schema: "supportline",
                table: "outbound_calls",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "duration_seconds",
                schema: "supportline",
                table: "outbound_calls",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ended_at",
                schema: "supportline",
                table: "outbound_calls",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "status_changed_at",
                schema: "supportline",
                table: "outbound_calls",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbound_calls_twilio_sid",
                schema: "supportline",
                table: "outbound_calls",
                column: "twilio_sid");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbound_calls_twilio_sid",
                schema: "supportline",
                table: "outbound_calls");

            migrationBuilder.DropColumn(
                name: "answered_at",
                schema: "supportline",
                table: "outbound_calls");

            migrationBuilder.DropColumn(
                name: "duration_seconds",
                schema: "supportline",
                table: "outbound_calls");

            migrationBuilder.DropColumn(
                name: "ended_at",
                schema: "supportline",
                table: "outbound_calls");

            migrationBuilder.DropColumn(
                name: "status_changed_at",
                schema: "supportline",
                table: "outbound_calls");
        }
    }
}
