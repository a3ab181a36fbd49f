using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Outreach.Data.Migrations
{
    /// <inheritdoc />
    public partial class InformationItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "information_items",
                schema: "outreach",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    alias_id = table.Column<Guid>(type: "uuid", nullable: true),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: true),
                    location_id = table.Column<Guid>(type: "uuid", nullable: true),
                    words = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    source_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reported_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    hand = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_evaluation = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    intelligence_assessment = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    handling = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    disposition_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_information_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_information_items_aliases_alias_id",
                        column: x => x.alias_id,
                        principalSchema: "outreach",
                        principalTable: "aliases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_information_items_contacts_contact_id",
                        column: x => x.contact_id,
                        principalSchema: "outreach",
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_information_items_locations_location_id",
                        column: x => x.location_id,
                        principalSchema: "outreach",
                        principalTable: "locations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "information_item_events",
                schema: "outreach",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_information_item_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_information_item_events_information_items_item_id",
                        column: x => x.item_id,
                        principalSchema: "outreach",
                        principalTable: "information_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "information_mentions",
                schema: "outreach",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    normalised = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_information_mentions", x => x.id);
                    table.ForeignKey(
                        name: "fk_information_mentions_information_items_item_id",
                        column: x => x.item_id,
                        principalSchema: "outreach",
                        principalTable: "information_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_information_item_events_item_id",
                schema: "outreach",
                table: "information_item_events",
                column: "item_id");

            migrationBuilder.CreateIndex(
                name: "ix_information_items_alias_id",
                schema: "outreach",
                table: "information_items",
                column: "alias_id");

            migrationBuilder.CreateIndex(
                name: "ix_information_items_contact_id",
                schema: "outreach",
                table: "information_items",
                column: "contact_id");

            migrationBuilder.CreateIndex(
                name: "ix_information_items_disposition_due_at",
                schema: "outreach",
                table: "information_items",
                column: "disposition_due_at");

            migrationBuilder.CreateIndex(
                name: "ix_information_items_location_id",
                schema: "outreach",
                table: "information_items",
                column: "location_id");

            migrationBuilder.CreateIndex(
                name: "ix_information_items_recorded_by_idempotency_key",
                schema: "outreach",
                table: "information_items",
                columns: new[] { "recorded_by", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_information_items_young_person_id",
                schema: "outreach",
                table: "information_items",
                column: "young_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_information_mentions_item_id",
                schema: "outreach",
                table: "information_mentions",
                column: "item_id");

            migrationBuilder.CreateIndex(
                name: "ix_information_mentions_kind_normalised",
                schema: "outreach",
                table: "information_mentions",
                columns: new[] { "kind", "normalised" });

            // OUT-03, INT-06: information is never changed, hidden or deleted; what happens to it is added beside it.
            migrationBuilder.MakeAppendOnly("outreach", "information_items");
            migrationBuilder.MakeAppendOnly("outreach", "information_mentions");
            migrationBuilder.MakeAppendOnly("outreach", "information_item_events");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "information_item_events",
                schema: "outreach");

            migrationBuilder.DropTable(
                name: "information_mentions",
                schema: "outreach");

            migrationBuilder.DropTable(
                name: "information_items",
                schema: "outreach");
        }
    }
}
