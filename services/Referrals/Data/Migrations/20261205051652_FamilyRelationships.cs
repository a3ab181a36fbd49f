using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class FamilyRelationships : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "family_relationships",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    first_young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    second_young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_family_relationships", x => x.id);
                    table.ForeignKey(
                        name: "fk_family_relationships_young_people_first_young_person_id",
                        column: x => x.first_young_person_id,
                        principalSchema: "referrals",
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_family_relationships_young_people_second_young_person_id",
                        column: x => x.second_young_person_id,
                        principalSchema: "referrals",
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_family_relationships_first_young_person_id_second_young_per",
                schema: "referrals",
                table: "family_relationships",
                columns: new[] { "first_young_person_id", "second_young_person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_family_relationships_second_young_person_id",
                schema: "referrals",
                table: "family_relationships",
                column: "second_young_person_id");

            // REF-19: a recorded relationship is never changed.
            migrationBuilder.MakeAppendOnly("referrals", "family_relationships");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "family_relationships",
                schema: "referrals");
        }
    }
}
