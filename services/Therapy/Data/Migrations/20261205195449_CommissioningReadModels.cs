using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Therapy.Data.Migrations
{
    /// <inheritdoc />
    public partial class CommissioningReadModels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "commissioning_facts",
                schema: "therapy",
                columns: table => new
                {
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commissioning_facts", x => new { x.kind, x.source_id });
                });

            migrationBuilder.CreateTable(
                name: "referral_demand",
                schema: "therapy",
                columns: table => new
                {
                    referral_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    referrer_role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    received_cse_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    is_re_referral = table.Column<bool>(type: "boolean", nullable: false),
                    age_at_referral = table.Column<int>(type: "integer", nullable: true),
                    age_on_concern_date = table.Column<int>(type: "integer", nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referral_demand", x => x.referral_id);
                });

            migrationBuilder.CreateTable(
                name: "referral_reclassifications",
                schema: "therapy",
                columns: table => new
                {
                    referral_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    to_cse_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referral_reclassifications", x => new { x.referral_id, x.occurred_at });
                });

            migrationBuilder.CreateIndex(
                name: "ix_commissioning_facts_kind_occurred_at",
                schema: "therapy",
                table: "commissioning_facts",
                columns: new[] { "kind", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_commissioning_facts_young_person_id",
                schema: "therapy",
                table: "commissioning_facts",
                column: "young_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_referral_demand_received_at",
                schema: "therapy",
                table: "referral_demand",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_referral_demand_young_person_id",
                schema: "therapy",
                table: "referral_demand",
                column: "young_person_id");

            // Read models of other services' events: rows are added, never changed (a reclassification is a row of its own).
            migrationBuilder.MakeAppendOnly("therapy", "referral_demand");
            migrationBuilder.MakeAppendOnly("therapy", "referral_reclassifications");
            migrationBuilder.MakeAppendOnly("therapy", "commissioning_facts");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "commissioning_facts",
                schema: "therapy");

            migrationBuilder.DropTable(
                name: "referral_demand",
                schema: "therapy");

            migrationBuilder.DropTable(
                name: "referral_reclassifications",
                schema: "therapy");
        }
    }
}
