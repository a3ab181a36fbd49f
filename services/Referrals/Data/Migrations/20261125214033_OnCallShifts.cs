using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class OnCallShifts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "on_call_shifts",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    manager_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_on_call_shifts", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_on_call_shifts_ends_at_starts_at",
                schema: "referrals",
                table: "on_call_shifts",
                columns: new[] { "ends_at", "starts_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "on_call_shifts",
                schema: "referrals");
        }
    }
}
