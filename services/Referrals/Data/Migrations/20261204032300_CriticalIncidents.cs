using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class CriticalIncidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "critical_incidents",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    source_service = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    source_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    incident_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acknowledge_by = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    escalated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_critical_incidents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "critical_incident_acknowledgements",
                schema: "referrals",
                columns: table => new
                {
                    incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    late = table.Column<bool>(type: "boolean", nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acknowledged_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    acknowledged_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_critical_incident_acknowledgements", x => x.incident_id);
                    table.ForeignKey(
                        name: "fk_critical_incident_acknowledgements_critical_incident_incide",
                        column: x => x.incident_id,
                        principalSchema: "referrals",
                        principalTable: "critical_incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_critical_incidents_acknowledge_by",
                schema: "referrals",
                table: "critical_incidents",
                column: "acknowledge_by");

            migrationBuilder.CreateIndex(
                name: "ix_critical_incidents_source_service_source_reference_kind",
                schema: "referrals",
                table: "critical_incidents",
                columns: new[] { "source_service", "source_reference", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_critical_incidents_young_person_id",
                schema: "referrals",
                table: "critical_incidents",
                column: "young_person_id");

            // REF-22: an acknowledgement is never changed or removed.
            migrationBuilder.MakeAppendOnly("referrals", "critical_incident_acknowledgements");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "critical_incident_acknowledgements",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "critical_incidents",
                schema: "referrals");
        }
    }
}
