using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "referrals");

            migrationBuilder.CreateTable(
                name: "access_log",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    actor_roles = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    path = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    correlation_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "referrals",
                columns: table => new
                {
                    consumer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.consumer, x.message_id });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    message_type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    correlation_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    trace_parent = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "young_people",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_young_people", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "young_person_details",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    given_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    family_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    preferred_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: false),
                    gender = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    gender_description = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ethnicity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    phone_numbers = table.Column<List<string>>(type: "text[]", nullable: false),
                    local_area = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    corrects_id = table.Column<Guid>(type: "uuid", nullable: true),
                    correction_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_young_person_details", x => x.id);
                    table.ForeignKey(
                        name: "fk_young_person_details_young_people_young_person_id",
                        column: x => x.young_person_id,
                        principalSchema: "referrals",
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_access_log_subject_type_subject_id_at",
                schema: "referrals",
                table: "access_log",
                columns: new[] { "subject_type", "subject_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                schema: "referrals",
                table: "outbox_messages",
                column: "sequence",
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_young_person_details_date_of_birth",
                schema: "referrals",
                table: "young_person_details",
                column: "date_of_birth");

            migrationBuilder.CreateIndex(
                name: "ix_young_person_details_young_person_id_version",
                schema: "referrals",
                table: "young_person_details",
                columns: new[] { "young_person_id", "version" },
                unique: true);

            // REC-01, REC-05: registry records and the access log are never updated or deleted.
            migrationBuilder.MakeAppendOnly("referrals", "young_people");
            migrationBuilder.MakeAppendOnly("referrals", "young_person_details");
            migrationBuilder.MakeAppendOnly("referrals", "access_log");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_log",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "young_person_details",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "young_people",
                schema: "referrals");
        }
    }
}
