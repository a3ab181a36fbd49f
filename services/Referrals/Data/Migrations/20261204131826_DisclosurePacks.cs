using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class DisclosurePacks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "disclosure_packs",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    recipient = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    items_json = table.Column<string>(type: "text", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    item_count = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disclosure_packs", x => x.id);
                    table.ForeignKey(
                        name: "fk_disclosure_packs_young_people_young_person_id",
                        column: x => x.young_person_id,
                        principalSchema: "referrals",
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "disclosure_redactions",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pack_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    field = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    start = table.Column<int>(type: "integer", nullable: false),
                    length = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    recipient = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    redacted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    redacted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    redacted_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disclosure_redactions", x => x.id);
                    table.ForeignKey(
                        name: "fk_disclosure_redactions_disclosure_packs_pack_id",
                        column: x => x.pack_id,
                        principalSchema: "referrals",
                        principalTable: "disclosure_packs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_disclosure_packs_young_person_id_created_at",
                schema: "referrals",
                table: "disclosure_packs",
                columns: new[] { "young_person_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_disclosure_redactions_pack_id",
                schema: "referrals",
                table: "disclosure_redactions",
                column: "pack_id");

            // A pack is kept exactly as made and a redaction can only be added, never changed (REC-09).
            migrationBuilder.MakeAppendOnly("referrals", "disclosure_packs");
            migrationBuilder.MakeAppendOnly("referrals", "disclosure_redactions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disclosure_redactions",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "disclosure_packs",
                schema: "referrals");
        }
    }
}
