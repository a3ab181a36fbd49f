using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class PoliceOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "police_outcomes",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    referral_id = table.Column<Guid>(type: "uuid", nullable: true),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    outcome_on = table.Column<DateOnly>(type: "date", nullable: false),
                    crime_reference = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    corrects_id = table.Column<Guid>(type: "uuid", nullable: true),
                    correction_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_police_outcomes", x => x.id);
                    table.ForeignKey(
                        name: "fk_police_outcomes_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "referrals",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_police_outcomes_police_outcomes_corrects_id",
                        column: x => x.corrects_id,
                        principalSchema: "referrals",
                        principalTable: "police_outcomes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_police_outcomes_referrals_referral_id",
                        column: x => x.referral_id,
                        principalSchema: "referrals",
                        principalTable: "referrals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_police_outcomes_young_people_young_person_id",
                        column: x => x.young_person_id,
                        principalSchema: "referrals",
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_police_outcomes_case_id",
                schema: "referrals",
                table: "police_outcomes",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_police_outcomes_corrects_id",
                schema: "referrals",
                table: "police_outcomes",
                column: "corrects_id",
                unique: true,
                filter: "corrects_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_police_outcomes_referral_id",
                schema: "referrals",
                table: "police_outcomes",
                column: "referral_id");

            migrationBuilder.CreateIndex(
                name: "ix_police_outcomes_young_person_id_recorded_at",
                schema: "referrals",
                table: "police_outcomes",
                columns: new[] { "young_person_id", "recorded_at" });

            // A police outcome is never edited or deleted: a correction is a new row pointing at it (REF-09, REC-05).
            migrationBuilder.MakeAppendOnly("referrals", "police_outcomes");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "police_outcomes",
                schema: "referrals");
        }
    }
}
