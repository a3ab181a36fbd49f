using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class CrossReferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cross_references",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tagged_young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    source_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    key_workers = table.Column<List<string>>(type: "text[]", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cross_references", x => x.id);
                    table.ForeignKey(
                        name: "fk_cross_references_young_people_source_young_person_id",
                        column: x => x.source_young_person_id,
                        principalSchema: "referrals",
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_cross_references_young_people_tagged_young_person_id",
                        column: x => x.tagged_young_person_id,
                        principalSchema: "referrals",
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cross_reference_acknowledgements",
                schema: "referrals",
                columns: table => new
                {
                    cross_reference_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key_worker = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cross_reference_acknowledgements", x => new { x.cross_reference_id, x.key_worker });
                    table.ForeignKey(
                        name: "fk_cross_reference_acknowledgements_cross_references_cross_ref",
                        column: x => x.cross_reference_id,
                        principalSchema: "referrals",
                        principalTable: "cross_references",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cross_references_source_young_person_id",
                schema: "referrals",
                table: "cross_references",
                column: "source_young_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_cross_references_tagged_young_person_id",
                schema: "referrals",
                table: "cross_references",
                column: "tagged_young_person_id");

            // REF-19: cross-references and their acknowledgements are never changed.
            migrationBuilder.MakeAppendOnly("referrals", "cross_references");
            migrationBuilder.MakeAppendOnly("referrals", "cross_reference_acknowledgements");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cross_reference_acknowledgements",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "cross_references",
                schema: "referrals");
        }
    }
}
