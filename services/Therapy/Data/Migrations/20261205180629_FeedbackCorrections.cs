using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Therapy.Data.Migrations
{
    /// <inheritdoc />
    public partial class FeedbackCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_service_feedback_referral_id_moment",
                schema: "therapy",
                table: "service_feedback");

            migrationBuilder.AddColumn<string>(
                name: "correction_reason",
                schema: "therapy",
                table: "service_feedback",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "corrects",
                schema: "therapy",
                table: "service_feedback",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_service_feedback_corrects",
                schema: "therapy",
                table: "service_feedback",
                column: "corrects",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_service_feedback_referral_id_moment",
                schema: "therapy",
                table: "service_feedback",
                columns: new[] { "referral_id", "moment" },
                unique: true,
                filter: "corrects IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_service_feedback_corrects",
                schema: "therapy",
                table: "service_feedback");

            migrationBuilder.DropIndex(
                name: "ix_service_feedback_referral_id_moment",
                schema: "therapy",
                table: "service_feedback");

            migrationBuilder.DropColumn(
                name: "correction_reason",
                schema: "therapy",
                table: "service_feedback");

            migrationBuilder.DropColumn(
                name: "corrects",
                schema: "therapy",
                table: "service_feedback");

            migrationBuilder.CreateIndex(
                name: "ix_service_feedback_referral_id_moment",
                schema: "therapy",
                table: "service_feedback",
                columns: new[] { "referral_id", "moment" },
                unique: true);
        }
    }
}
