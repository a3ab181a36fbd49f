using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class Chronology : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "chronology_entries",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_service = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    detail = table.Column<string>(type: "text", nullable: true),
                    author_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    author_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    source_message_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_record_id = table.Column<Guid>(type: "uuid", nullable: true),
                    corrects = table.Column<Guid>(type: "uuid", nullable: true),
                    previous_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chronology_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "chronology_heads",
                schema: "referrals",
                columns: table => new
                {
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    last_sequence = table.Column<int>(type: "integer", nullable: false),
                    last_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chronology_heads", x => x.young_person_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_chronology_entries_corrects",
                schema: "referrals",
                table: "chronology_entries",
                column: "corrects",
                filter: "corrects IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_chronology_entries_young_person_id_occurred_at_sequence",
                schema: "referrals",
                table: "chronology_entries",
                columns: new[] { "young_person_id", "occurred_at", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_chronology_entries_young_person_id_sequence",
                schema: "referrals",
                table: "chronology_entries",
                columns: new[] { "young_person_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_chronology_entries_young_person_id_source_message_id",
                schema: "referrals",
                table: "chronology_entries",
                columns: new[] { "young_person_id", "source_message_id" },
                unique: true);

            // REC-04, REC-05: chronology entries are never changed or deleted; the head is a mutable pointer beside them.
            migrationBuilder.MakeAppendOnly("referrals", "chronology_entries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "chronology_entries",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "chronology_heads",
                schema: "referrals");
        }
    }
}
