using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class RetentionErasure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // REC-04, RecordRetention: the append-only tables' one permitted DELETE, the retention job's.
            migrationBuilder.AllowRetentionErasure("referrals");

            migrationBuilder.CreateTable(
                name: "legal_holds",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    placed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    placed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    placed_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    released_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    released_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    release_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_legal_holds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "retention_runs",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    today = table.Column<DateOnly>(type: "date", nullable: false),
                    erased = table.Column<int>(type: "integer", nullable: false),
                    held = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "retention_tombstones",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    retain_until = table.Column<DateOnly>(type: "date", nullable: false),
                    erased_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_tombstones", x => x.id);
                    table.ForeignKey(
                        name: "fk_retention_tombstones_retention_runs_run_id",
                        column: x => x.run_id,
                        principalSchema: "referrals",
                        principalTable: "retention_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "retention_tombstone_entries",
                schema: "referrals",
                columns: table => new
                {
                    tombstone_id = table.Column<Guid>(type: "uuid", nullable: false),
                    service = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    table = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rows = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_tombstone_entries", x => new { x.tombstone_id, x.service, x.table });
                    table.ForeignKey(
                        name: "fk_retention_tombstone_entries_retention_tombstones_tombstone_",
                        column: x => x.tombstone_id,
                        principalSchema: "referrals",
                        principalTable: "retention_tombstones",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_legal_holds_young_person_id",
                schema: "referrals",
                table: "legal_holds",
                column: "young_person_id",
                filter: "released_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_retention_runs_started_at",
                schema: "referrals",
                table: "retention_runs",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_retention_tombstones_erased_at",
                schema: "referrals",
                table: "retention_tombstones",
                column: "erased_at");

            migrationBuilder.CreateIndex(
                name: "ix_retention_tombstones_run_id",
                schema: "referrals",
                table: "retention_tombstones",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "ix_retention_tombstones_young_person_id",
                schema: "referrals",
                table: "retention_tombstones",
                column: "young_person_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "legal_holds",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "retention_tombstone_entries",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "retention_tombstones",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "retention_runs",
                schema: "referrals");
        }
    }
}
