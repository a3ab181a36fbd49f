using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Outreach.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReferralTracking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "referral_notifications",
                schema: "outreach",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    referral_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    rationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referral_notifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tracked_referrals",
                schema: "outreach",
                columns: table => new
                {
                    referral_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    referrer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    cse_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    priority = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decision_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    decided_late = table.Column<bool>(type: "boolean", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decision_notified = table.Column<bool>(type: "boolean", nullable: false),
                    reclassifications = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tracked_referrals", x => x.referral_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_referral_notifications_recipient_created_at",
                schema: "outreach",
                table: "referral_notifications",
                columns: new[] { "recipient", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tracked_referrals_referrer",
                schema: "outreach",
                table: "tracked_referrals",
                column: "referrer");

            // OUT-04: what a worker was told is never changed; the tracked referral itself is a projection and is updated.
            migrationBuilder.MakeAppendOnly("outreach", "referral_notifications");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "referral_notifications",
                schema: "outreach");

            migrationBuilder.DropTable(
                name: "tracked_referrals",
                schema: "outreach");
        }
    }
}
