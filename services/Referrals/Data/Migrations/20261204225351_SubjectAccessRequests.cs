using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class SubjectAccessRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "subject_access_requests",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requester = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    how_received = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    extended_due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    extension_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    extended_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    extended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answered_with_pack_id = table.Column<Guid>(type: "uuid", nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answered_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    answered_late = table.Column<bool>(type: "boolean", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subject_access_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_subject_access_requests_disclosure_packs_answered_with_pack",
                        column: x => x.answered_with_pack_id,
                        principalSchema: "referrals",
                        principalTable: "disclosure_packs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_subject_access_requests_young_people_young_person_id",
                        column: x => x.young_person_id,
                        principalSchema: "referrals",
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_subject_access_requests_answered_at_due_on",
                schema: "referrals",
                table: "subject_access_requests",
                columns: new[] { "answered_at", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_subject_access_requests_answered_with_pack_id",
                schema: "referrals",
                table: "subject_access_requests",
                column: "answered_with_pack_id");

            migrationBuilder.CreateIndex(
                name: "ix_subject_access_requests_young_person_id",
                schema: "referrals",
                table: "subject_access_requests",
                column: "young_person_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "subject_access_requests",
                schema: "referrals");
        }
    }
}
