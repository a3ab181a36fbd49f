using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class DisclosurePackContributions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "disclosure_pack_contributions",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pack_id = table.Column<Guid>(type: "uuid", nullable: false),
                    service = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    items_json = table.Column<string>(type: "text", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    item_count = table.Column<int>(type: "integer", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disclosure_pack_contributions", x => x.id);
                    table.ForeignKey(
                        name: "fk_disclosure_pack_contributions_disclosure_packs_pack_id",
                        column: x => x.pack_id,
                        principalSchema: "referrals",
                        principalTable: "disclosure_packs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_disclosure_pack_contributions_pack_id_service",
                schema: "referrals",
                table: "disclosure_pack_contributions",
                columns: new[] { "pack_id", "service" },
                unique: true);

            // Another service's part of a pack is kept exactly as it arrived (REC-10), like the pack itself.
            migrationBuilder.MakeAppendOnly("referrals", "disclosure_pack_contributions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disclosure_pack_contributions",
                schema: "referrals");
        }
    }
}
