using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class RiskReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "risk_reviews",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    trigger = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    trigger_reference = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    triggered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    indicators = table.Column<string[]>(type: "text[]", nullable: false),
                    disclosure_made = table.Column<bool>(type: "boolean", nullable: false),
                    urgent = table.Column<bool>(type: "boolean", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_reviews", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_risk_reviews_status_due_at",
                schema: "referrals",
                table: "risk_reviews",
                columns: new[] { "status", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_risk_reviews_trigger_trigger_reference",
                schema: "referrals",
                table: "risk_reviews",
                columns: new[] { "trigger", "trigger_reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_risk_reviews_young_person_id_status",
                schema: "referrals",
                table: "risk_reviews",
                columns: new[] { "young_person_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "risk_reviews",
                schema: "referrals");
        }
    }
}
