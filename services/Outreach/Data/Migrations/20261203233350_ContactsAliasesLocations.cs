using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Outreach.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContactsAliasesLocations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "aliases",
                schema: "outreach",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    approximate_age = table.Column<int>(type: "integer", nullable: true),
                    area = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    gender = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ethnicity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aliases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "locations",
                schema: "outreach",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    area = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    latitude = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: true),
                    longitude = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_locations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "alias_matches",
                schema: "outreach",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    alias_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    matched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    matched_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    matched_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alias_matches", x => x.id);
                    table.ForeignKey(
                        name: "fk_alias_matches_aliases_alias_id",
                        column: x => x.alias_id,
                        principalSchema: "outreach",
                        principalTable: "aliases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "contacts",
                schema: "outreach",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    alias_id = table.Column<Guid>(type: "uuid", nullable: true),
                    channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    contacted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    location_id = table.Column<Guid>(type: "uuid", nullable: true),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    concern = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_late = table.Column<bool>(type: "boolean", nullable: false),
                    corrects = table.Column<Guid>(type: "uuid", nullable: true),
                    correction_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contacts", x => x.id);
                    table.CheckConstraint("ck_contacts_one_subject", "(young_person_id IS NULL) <> (alias_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_contacts_aliases_alias_id",
                        column: x => x.alias_id,
                        principalSchema: "outreach",
                        principalTable: "aliases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contacts_contacts_corrects",
                        column: x => x.corrects,
                        principalSchema: "outreach",
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contacts_locations_location_id",
                        column: x => x.location_id,
                        principalSchema: "outreach",
                        principalTable: "locations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alias_matches_alias_id",
                schema: "outreach",
                table: "alias_matches",
                column: "alias_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_alias_matches_young_person_id",
                schema: "outreach",
                table: "alias_matches",
                column: "young_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_aliases_name",
                schema: "outreach",
                table: "aliases",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_aliases_recorded_by_idempotency_key",
                schema: "outreach",
                table: "aliases",
                columns: new[] { "recorded_by", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_alias_id_contacted_at",
                schema: "outreach",
                table: "contacts",
                columns: new[] { "alias_id", "contacted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_corrects",
                schema: "outreach",
                table: "contacts",
                column: "corrects");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_location_id_contacted_at",
                schema: "outreach",
                table: "contacts",
                columns: new[] { "location_id", "contacted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_recorded_by_idempotency_key",
                schema: "outreach",
                table: "contacts",
                columns: new[] { "recorded_by", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_young_person_id_contacted_at",
                schema: "outreach",
                table: "contacts",
                columns: new[] { "young_person_id", "contacted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_locations_name",
                schema: "outreach",
                table: "locations",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_locations_recorded_by_idempotency_key",
                schema: "outreach",
                table: "locations",
                columns: new[] { "recorded_by", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");

            // REC-01, OUT-01, OUT-02: contacts, aliases, their matches and places are never changed or deleted; a
            // correction is a new row pointing at the old one.
            migrationBuilder.MakeAppendOnly("outreach", "contacts");
            migrationBuilder.MakeAppendOnly("outreach", "aliases");
            migrationBuilder.MakeAppendOnly("outreach", "alias_matches");
            migrationBuilder.MakeAppendOnly("outreach", "locations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alias_matches",
                schema: "outreach");

            migrationBuilder.DropTable(
                name: "contacts",
                schema: "outreach");

            migrationBuilder.DropTable(
                name: "aliases",
                schema: "outreach");

            migrationBuilder.DropTable(
                name: "locations",
                schema: "outreach");
        }
    }
}
