using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class BarredPersonRemovals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "barred_person_removals",
                schema: "referrals",
                columns: table => new
                {
                    barred_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    removed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    removed_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_barred_person_removals", x => x.barred_person_id);
                    table.ForeignKey(
                        name: "fk_barred_person_removals_barred_persons_barred_person_id",
                        column: x => x.barred_person_id,
                        principalSchema: "referrals",
                        principalTable: "barred_persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // REF-27: a removal from the list is recorded, never changed.
            migrationBuilder.MakeAppendOnly("referrals", "barred_person_removals");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "barred_person_removals",
                schema: "referrals");
        }
    }
}
