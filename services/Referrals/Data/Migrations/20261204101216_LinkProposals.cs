using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class LinkProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "link_proposals",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    value = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    written = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    source_reference = table.Column<Guid>(type: "uuid", nullable: true),
                    proposed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    proposed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    proposed_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_link_proposals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "licensing_notifications",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    value = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    licensing = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    network_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_licensing_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_licensing_notifications_link_proposal_proposal_id",
                        column: x => x.proposal_id,
                        principalSchema: "referrals",
                        principalTable: "link_proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "link_proposal_decisions",
                schema: "referrals",
                columns: table => new
                {
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    licensing = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    decided_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_link_proposal_decisions", x => x.proposal_id);
                    table.ForeignKey(
                        name: "fk_link_proposal_decisions_link_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalSchema: "referrals",
                        principalTable: "link_proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "licensing_notifications_sent",
                schema: "referrals",
                columns: table => new
                {
                    notification_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sent_to = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sent_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_licensing_notifications_sent", x => x.notification_id);
                    table.ForeignKey(
                        name: "fk_licensing_notifications_sent_licensing_notifications_notifi",
                        column: x => x.notification_id,
                        principalSchema: "referrals",
                        principalTable: "licensing_notifications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_licensing_notifications_created_at",
                schema: "referrals",
                table: "licensing_notifications",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_licensing_notifications_proposal_id",
                schema: "referrals",
                table: "licensing_notifications",
                column: "proposal_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_link_proposals_kind_value",
                schema: "referrals",
                table: "link_proposals",
                columns: new[] { "kind", "value" });

            migrationBuilder.CreateIndex(
                name: "ix_link_proposals_received_at",
                schema: "referrals",
                table: "link_proposals",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_link_proposals_young_person_id",
                schema: "referrals",
                table: "link_proposals",
                column: "young_person_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "licensing_notifications_sent",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "link_proposal_decisions",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "licensing_notifications",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "link_proposals",
                schema: "referrals");
        }
    }
}
