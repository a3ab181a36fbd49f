using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.SupportLine.Data.Migrations
{
    /// <inheritdoc />
    public partial class SupportLine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alerts",
                schema: "supportline",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    inbound_sms_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alerts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "carer_phones",
                schema: "supportline",
                columns: table => new
                {
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_carer_phones", x => x.phone);
                });

            migrationBuilder.CreateTable(
                name: "conversations",
                schema: "supportline",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assigned_to = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    urgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    discreet = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_inbound_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    awaiting_reply_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    escalated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    close_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbound_messages",
                schema: "supportline",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    twilio_sid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    from = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    to = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    body = table.Column<string>(type: "character varying(1600)", maxLength: 1600, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    purpose = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    triage_version = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    matched_rules = table.Column<List<string>>(type: "text[]", nullable: false),
                    contact_command_id = table.Column<Guid>(type: "uuid", nullable: true),
                    marked_as_views_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    marked_as_views_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbound_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "opt_outs",
                schema: "supportline",
                columns: table => new
                {
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    opted_out_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_opt_outs", x => x.phone);
                });

            migrationBuilder.CreateTable(
                name: "outbound_messages",
                schema: "supportline",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    to = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    body = table.Column<string>(type: "character varying(1600)", maxLength: 1600, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    requested_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    command_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    twilio_sid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    error_code = table.Column<int>(type: "integer", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    status_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbound_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "response_times",
                schema: "supportline",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    waiting_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answered_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    seconds = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_response_times", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "worker_phones",
                schema: "supportline",
                columns: table => new
                {
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    worker_user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    registered_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_worker_phones", x => x.phone);
                });

            migrationBuilder.CreateTable(
                name: "young_person_phones",
                schema: "supportline",
                columns: table => new
                {
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    outreach_worker_user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    discreet = table.Column<bool>(type: "boolean", nullable: false),
                    confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    safety_decision_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    safety_decision_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    safety_decision_rationale = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_young_person_phones", x => x.phone);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alerts_conversation_id",
                schema: "supportline",
                table: "alerts",
                column: "conversation_id");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_phone",
                schema: "supportline",
                table: "conversations",
                column: "phone",
                unique: true,
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_status_awaiting_reply_since",
                schema: "supportline",
                table: "conversations",
                columns: new[] { "status", "awaiting_reply_since" });

            migrationBuilder.CreateIndex(
                name: "ix_inbound_messages_conversation_id",
                schema: "supportline",
                table: "inbound_messages",
                column: "conversation_id");

            migrationBuilder.CreateIndex(
                name: "ix_inbound_messages_twilio_sid",
                schema: "supportline",
                table: "inbound_messages",
                column: "twilio_sid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbound_messages_command_id",
                schema: "supportline",
                table: "outbound_messages",
                column: "command_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbound_messages_conversation_id",
                schema: "supportline",
                table: "outbound_messages",
                column: "conversation_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbound_messages_status",
                schema: "supportline",
                table: "outbound_messages",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_outbound_messages_twilio_sid",
                schema: "supportline",
                table: "outbound_messages",
                column: "twilio_sid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_response_times_waiting_since",
                schema: "supportline",
                table: "response_times",
                column: "waiting_since");

            migrationBuilder.CreateIndex(
                name: "ix_young_person_phones_young_person_id",
                schema: "supportline",
                table: "young_person_phones",
                column: "young_person_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alerts",
                schema: "supportline");

            migrationBuilder.DropTable(
                name: "carer_phones",
                schema: "supportline");

            migrationBuilder.DropTable(
                name: "conversations",
                schema: "supportline");

            migrationBuilder.DropTable(
                name: "inbound_messages",
                schema: "supportline");

            migrationBuilder.DropTable(
                name: "opt_outs",
                schema: "supportline");

            migrationBuilder.DropTable(
                name: "outbound_messages",
                schema: "supportline");

            migrationBuilder.DropTable(
                name: "response_times",
                schema: "supportline");

            migrationBuilder.DropTable(
                name: "worker_phones",
                schema: "supportline");

            migrationBuilder.DropTable(
                name: "young_person_phones",
                schema: "supportline");
        }
    }
}
