using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.SupportLine.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportedNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reported_numbers",
                schema: "supportline",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    reported_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reported_numbers", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_reported_numbers_phone",
                schema: "supportline",
                table: "reported_numbers",
                column: "phone");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reported_numbers",
                schema: "supportline");
        }
    }
}
