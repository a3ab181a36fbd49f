using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.SupportLine.Data.Migrations
{
    /// <inheritdoc />
    public partial class ErasedYoungPeople : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "erased_young_people",
                schema: "supportline",
                columns: table => new
                {
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tombstone_id = table.Column<Guid>(type: "uuid", nullable: false),
                    erased_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_erased_young_people", x => x.young_person_id);
                });

            // The marker is what keeps an erased young person erased (REC-04): never changed, never removed.
            migrationBuilder.MakeAppendOnly("supportline", "erased_young_people");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "erased_young_people",
                schema: "supportline");
        }
    }
}
