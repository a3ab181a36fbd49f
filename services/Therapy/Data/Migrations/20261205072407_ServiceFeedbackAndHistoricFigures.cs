using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Therapy.Data.Migrations
{
    /// <inheritdoc />
    public partial class ServiceFeedbackAndHistoricFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "historic_imports",
                schema: "therapy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    rows = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    imported_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    imported_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_historic_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_feedback",
                schema: "therapy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    referral_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    offer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    offer_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    moment = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    given_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    listened_to = table.Column<int>(type: "integer", nullable: true),
                    helped = table.Column<int>(type: "integer", nullable: true),
                    words = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    worker_may_see = table.Column<bool>(type: "boolean", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_feedback", x => x.id);
                    table.ForeignKey(
                        name: "fk_service_feedback_referrals_referral_id",
                        column: x => x.referral_id,
                        principalSchema: "therapy",
                        principalTable: "referrals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "historic_figures",
                schema: "therapy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    import_id = table.Column<Guid>(type: "uuid", nullable: false),
                    indicator = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    period_start_year = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<int>(type: "integer", nullable: true),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    definition = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    source_row = table.Column<int>(type: "integer", nullable: false),
                    supersedes = table.Column<Guid>(type: "uuid", nullable: true),
                    imported_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_historic_figures", x => x.id);
                    table.ForeignKey(
                        name: "fk_historic_figures_historic_imports_import_id",
                        column: x => x.import_id,
                        principalSchema: "therapy",
                        principalTable: "historic_imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_historic_figures_import_id",
                schema: "therapy",
                table: "historic_figures",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "ix_historic_figures_indicator_period_start_year",
                schema: "therapy",
                table: "historic_figures",
                columns: new[] { "indicator", "period_start_year" },
                unique: true,
                filter: "supersedes IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_historic_figures_supersedes",
                schema: "therapy",
                table: "historic_figures",
                column: "supersedes",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_service_feedback_given_at",
                schema: "therapy",
                table: "service_feedback",
                column: "given_at");

            migrationBuilder.CreateIndex(
                name: "ix_service_feedback_referral_id_moment",
                schema: "therapy",
                table: "service_feedback",
                columns: new[] { "referral_id", "moment" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_service_feedback_young_person_id_given_at",
                schema: "therapy",
                table: "service_feedback",
                columns: new[] { "young_person_id", "given_at" });

            // THR-07 answers and COM-01 imported figures are never changed: a restatement is a new row (REC-01).
            migrationBuilder.MakeAppendOnly("therapy", "service_feedback");
            migrationBuilder.MakeAppendOnly("therapy", "historic_imports");
            migrationBuilder.MakeAppendOnly("therapy", "historic_figures");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "historic_figures",
                schema: "therapy");

            migrationBuilder.DropTable(
                name: "service_feedback",
                schema: "therapy");

            migrationBuilder.DropTable(
                name: "historic_imports",
                schema: "therapy");
        }
    }
}
