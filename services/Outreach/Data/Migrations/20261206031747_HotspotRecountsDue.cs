using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Support.Outreach.Data.Migrations
{
    /// <summary>
    /// OUT-08, issue 11: the young people whose hotspot counts must be recounted, queued by each contact, correction
    /// and match in its own transaction and taken by a catch-up (Features/Reports/HotspotCounting.cs). Derived upkeep,
    /// not a record: rows are deleted once recounted.
    /// </summary>
    public partial class HotspotRecountsDue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hotspot_recounts_due",
                schema: "outreach",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    alias_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hotspot_recounts_due", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hotspot_recounts_due",
                schema: "outreach");
        }
    }
}
