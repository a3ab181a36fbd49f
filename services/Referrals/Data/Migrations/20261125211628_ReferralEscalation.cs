using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReferralEscalation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "escalates_at",
                schema: "referrals",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Referrals received before this migration: the working-day calendar is not in SQL, so they escalate one
            // calendar day after their deadline (never later than the rule's default of 1 working day). Without this
            // every undecided referral would escalate at once (REF-04).
            migrationBuilder.Sql("UPDATE referrals.referrals SET escalates_at = decision_due_at + interval '1 day';");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "escalation_notified_at",
                schema: "referrals",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_referrals_escalates_at",
                schema: "referrals",
                table: "referrals",
                column: "escalates_at",
                filter: "decided_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_referrals_escalates_at",
                schema: "referrals",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "escalates_at",
                schema: "referrals",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "escalation_notified_at",
                schema: "referrals",
                table: "referrals");
        }
    }
}
