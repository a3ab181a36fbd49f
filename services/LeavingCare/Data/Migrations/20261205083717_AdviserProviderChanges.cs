using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.LeavingCare.Data.Migrations
{
    /// <inheritdoc />
    public partial class AdviserProviderChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "adviser_provider_changes",
                schema: "leavingcare",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    adviser_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    from_provider = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    to_provider = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_adviser_provider_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_adviser_provider_changes_advisers_adviser_id",
                        column: x => x.adviser_id,
                        principalSchema: "leavingcare",
                        principalTable: "advisers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_adviser_provider_changes_adviser_id_number",
                schema: "leavingcare",
                table: "adviser_provider_changes",
                columns: new[] { "adviser_id", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "adviser_provider_changes",
                schema: "leavingcare");
        }
    }
}
