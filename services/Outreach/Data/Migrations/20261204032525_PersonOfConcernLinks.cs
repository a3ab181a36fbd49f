using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Outreach.Data.Migrations
{
    /// <inheritdoc />
    public partial class PersonOfConcernLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mention_link_proposals",
                schema: "outreach",
                columns: table => new
                {
                    mention_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mention_link_proposals", x => x.mention_id);
                    table.ForeignKey(
                        name: "fk_mention_link_proposals_information_items_item_id",
                        column: x => x.item_id,
                        principalSchema: "outreach",
                        principalTable: "information_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_mention_link_proposals_information_mentions_mention_id",
                        column: x => x.mention_id,
                        principalSchema: "outreach",
                        principalTable: "information_mentions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mention_link_outcomes",
                schema: "outreach",
                columns: table => new
                {
                    mention_id = table.Column<Guid>(type: "uuid", nullable: false),
                    confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    linked_young_people = table.Column<int>(type: "integer", nullable: false),
                    organised_abuse_network_id = table.Column<Guid>(type: "uuid", nullable: true),
                    licensing_notification_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    decided_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mention_link_outcomes", x => x.mention_id);
                    table.ForeignKey(
                        name: "fk_mention_link_outcomes_mention_link_proposals_mention_id",
                        column: x => x.mention_id,
                        principalSchema: "outreach",
                        principalTable: "mention_link_proposals",
                        principalColumn: "mention_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_mention_link_proposals_item_id",
                schema: "outreach",
                table: "mention_link_proposals",
                column: "item_id");
            migrationBuilder.MakeAppendOnly("outreach", "mention_link_proposals");
            migrationBuilder.MakeAppendOnly("outreach", "mention_link_outcomes");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mention_link_outcomes",
                schema: "outreach");

            migrationBuilder.DropTable(
                name: "mention_link_proposals",
                schema: "outreach");
        }
    }
}
