using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Outreach.Data.Migrations
{
    /// <inheritdoc />
    public partial class PreventionSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "prevention_sessions",
                schema: "outreach",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    setting = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    audience = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    venue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    attendees = table.Column<int>(type: "integer", nullable: false),
                    programme = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    topics = table.Column<List<string>>(type: "text[]", nullable: false),
                    evaluation_before = table.Column<decimal>(type: "numeric(4,2)", precision: 4, scale: 2, nullable: true),
                    evaluation_after = table.Column<decimal>(type: "numeric(4,2)", precision: 4, scale: 2, nullable: true),
                    evaluation_responses = table.Column<int>(type: "integer", nullable: true),
                    follow_up_referrals = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prevention_sessions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_prevention_sessions_held_on",
                schema: "outreach",
                table: "prevention_sessions",
                column: "held_on");

            migrationBuilder.CreateIndex(
                name: "ix_prevention_sessions_recorded_by_idempotency_key",
                schema: "outreach",
                table: "prevention_sessions",
                columns: new[] { "recorded_by", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");
            migrationBuilder.MakeAppendOnly("outreach", "prevention_sessions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "prevention_sessions",
                schema: "outreach");
        }
    }
}
