using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Outreach.Data.Migrations
{
    /// <inheritdoc />
    public partial class SharingRelationships : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "lawful_basis",
                schema: "outreach",
                table: "access_log",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "purpose",
                schema: "outreach",
                table: "access_log",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "shared_under",
                schema: "outreach",
                table: "access_log",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "sharing_relationships",
                schema: "outreach",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    valid_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    valid_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    end_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sharing_relationships", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sharing_relationships_user_id_young_person_id",
                schema: "outreach",
                table: "sharing_relationships",
                columns: new[] { "user_id", "young_person_id" });

            migrationBuilder.CreateIndex(
                name: "ix_sharing_relationships_young_person_id",
                schema: "outreach",
                table: "sharing_relationships",
                column: "young_person_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sharing_relationships",
                schema: "outreach");

            migrationBuilder.DropColumn(
                name: "lawful_basis",
                schema: "outreach",
                table: "access_log");

            migrationBuilder.DropColumn(
                name: "purpose",
                schema: "outreach",
                table: "access_log");

            migrationBuilder.DropColumn(
                name: "shared_under",
                schema: "outreach",
                table: "access_log");
        }
    }
}
