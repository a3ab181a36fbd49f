using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.LeavingCare.Data.Migrations
{
    /// <inheritdoc />
    public partial class SharedViews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "shared_views",
                schema: "leavingcare",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_service = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    words = table.Column<string>(type: "text", nullable: false),
                    said_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    method = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shared_views", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_shared_views_source_service_source_id",
                schema: "leavingcare",
                table: "shared_views",
                columns: new[] { "source_service", "source_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_shared_views_young_person_id_said_at",
                schema: "leavingcare",
                table: "shared_views",
                columns: new[] { "young_person_id", "said_at" });

            // The young person's own words are a record (REC-01): never updated or deleted.
            migrationBuilder.MakeAppendOnly("leavingcare", "shared_views");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "shared_views",
                schema: "leavingcare");
        }
    }
}
