using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Therapy.Data.Migrations
{
    /// <inheritdoc />
    public partial class WaitsAndWaitingWell : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "breach_recorded_at",
                schema: "therapy",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "breach_unmet_need_id",
                schema: "therapy",
                table: "referrals",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "first_appointment_at",
                schema: "therapy",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "next_check_in_at",
                schema: "therapy",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_referrals_next_check_in_at",
                schema: "therapy",
                table: "referrals",
                column: "next_check_in_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_referrals_next_check_in_at",
                schema: "therapy",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "breach_recorded_at",
                schema: "therapy",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "breach_unmet_need_id",
                schema: "therapy",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "first_appointment_at",
                schema: "therapy",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "next_check_in_at",
                schema: "therapy",
                table: "referrals");
        }
    }
}
