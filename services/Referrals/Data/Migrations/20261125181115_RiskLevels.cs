using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class RiskLevels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "current_risk_levels",
                schema: "referrals",
                columns: table => new
                {
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    suggested_level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    indicators = table.Column<string[]>(type: "text[]", nullable: false),
                    rule_table_version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    set_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_current_risk_levels", x => x.young_person_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_current_risk_levels_level",
                schema: "referrals",
                table: "current_risk_levels",
                column: "level");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "current_risk_levels",
                schema: "referrals");
        }
    }
}
