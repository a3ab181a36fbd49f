using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Therapy.Data.Migrations
{
    /// <inheritdoc />
    public partial class TherapyEpisodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_key_worker_tasks_declined_referral_id",
                schema: "therapy",
                table: "key_worker_tasks");

            migrationBuilder.RenameColumn(
                name: "declined_referral_id",
                schema: "therapy",
                table: "key_worker_tasks",
                newName: "referral_id");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "episode_closed_at",
                schema: "therapy",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "episode_closed_by",
                schema: "therapy",
                table: "referrals",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "episode_closure_recorded_at",
                schema: "therapy",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "episode_end_reason",
                schema: "therapy",
                table: "referrals",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "episode_unmet_need_id",
                schema: "therapy",
                table: "referrals",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "onward_arrangement",
                schema: "therapy",
                table: "referrals",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "onward_details",
                schema: "therapy",
                table: "referrals",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "transition_task_id",
                schema: "therapy",
                table: "referrals",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_key_worker_tasks_referral_id_kind",
                schema: "therapy",
                table: "key_worker_tasks",
                columns: new[] { "referral_id", "kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_key_worker_tasks_referral_id_kind",
                schema: "therapy",
                table: "key_worker_tasks");

            migrationBuilder.DropColumn(
                name: "episode_closed_at",
                schema: "therapy",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "episode_closed_by",
                schema: "therapy",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "episode_closure_recorded_at",
                schema: "therapy",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "episode_end_reason",
                schema: "therapy",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "episode_unmet_need_id",
                schema: "therapy",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "onward_arrangement",
                schema: "therapy",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "onward_details",
                schema: "therapy",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "transition_task_id",
                schema: "therapy",
                table: "referrals");

            migrationBuilder.RenameColumn(
                name: "referral_id",
                schema: "therapy",
                table: "key_worker_tasks",
                newName: "declined_referral_id");

            migrationBuilder.CreateIndex(
                name: "ix_key_worker_tasks_declined_referral_id",
                schema: "therapy",
                table: "key_worker_tasks",
                column: "declined_referral_id",
                unique: true);
        }
    }
}
