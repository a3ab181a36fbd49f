using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Outreach.Data.Migrations
{
    /// <inheritdoc />
    public partial class Involvements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "involvements",
                schema: "outreach",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    since = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvements", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "young_person_risk_levels",
                schema: "outreach",
                columns: table => new
                {
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_young_person_risk_levels", x => x.young_person_id);
                });

            migrationBuilder.CreateTable(
                name: "involvement_endings",
                schema: "outreach",
                columns: table => new
                {
                    involvement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    young_person_told = table.Column<bool>(type: "boolean", nullable: false),
                    young_person_response = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    last_disclosure_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ended_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvement_endings", x => x.involvement_id);
                    table.ForeignKey(
                        name: "fk_involvement_endings_involvements_involvement_id",
                        column: x => x.involvement_id,
                        principalSchema: "outreach",
                        principalTable: "involvements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "involvement_handovers",
                schema: "outreach",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    involvement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_worker_user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    to_worker_user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    handed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    handed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    handed_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvement_handovers", x => x.id);
                    table.ForeignKey(
                        name: "fk_involvement_handovers_involvements_involvement_id",
                        column: x => x.involvement_id,
                        principalSchema: "outreach",
                        principalTable: "involvements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "no_contact_alerts",
                schema: "outreach",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    involvement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    risk_level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    gap_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_no_contact_alerts", x => x.id);
                    table.ForeignKey(
                        name: "fk_no_contact_alerts_involvements_involvement_id",
                        column: x => x.involvement_id,
                        principalSchema: "outreach",
                        principalTable: "involvements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_involvement_handovers_involvement_id_handed_at",
                schema: "outreach",
                table: "involvement_handovers",
                columns: new[] { "involvement_id", "handed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_involvement_handovers_to_worker_user_id",
                schema: "outreach",
                table: "involvement_handovers",
                column: "to_worker_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_involvements_worker_user_id",
                schema: "outreach",
                table: "involvements",
                column: "worker_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_involvements_young_person_id",
                schema: "outreach",
                table: "involvements",
                column: "young_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_no_contact_alerts_involvement_id_gap_since",
                schema: "outreach",
                table: "no_contact_alerts",
                columns: new[] { "involvement_id", "gap_since" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_no_contact_alerts_raised_at",
                schema: "outreach",
                table: "no_contact_alerts",
                column: "raised_at");

            migrationBuilder.CreateIndex(
                name: "ix_no_contact_alerts_worker_user_id_raised_at",
                schema: "outreach",
                table: "no_contact_alerts",
                columns: new[] { "worker_user_id", "raised_at" });
            migrationBuilder.MakeAppendOnly("outreach", "involvements");
            migrationBuilder.MakeAppendOnly("outreach", "involvement_handovers");
            migrationBuilder.MakeAppendOnly("outreach", "involvement_endings");
            migrationBuilder.MakeAppendOnly("outreach", "no_contact_alerts");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "involvement_endings",
                schema: "outreach");

            migrationBuilder.DropTable(
                name: "involvement_handovers",
                schema: "outreach");

            migrationBuilder.DropTable(
                name: "no_contact_alerts",
                schema: "outreach");

            migrationBuilder.DropTable(
                name: "young_person_risk_levels",
                schema: "outreach");

            migrationBuilder.DropTable(
                name: "involvements",
                schema: "outreach");
        }
    }
}
