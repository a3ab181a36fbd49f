using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.LeavingCare.Data.Migrations
{
    /// <inheritdoc />
    public partial class LeavingCare : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "accommodation_checks",
                schema: "leavingcare",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    postcode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    placement_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    adults_only = table.Column<bool>(type: "boolean", nullable: false),
                    staffed_evenings_and_weekends = table.Column<bool>(type: "boolean", nullable: false),
                    matches = table.Column<List<string>>(type: "text[]", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accommodation_checks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "accommodation_decisions",
                schema: "leavingcare",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    check_id = table.Column<Guid>(type: "uuid", nullable: false),
                    approved = table.Column<bool>(type: "boolean", nullable: false),
                    rationale = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    decided_by_role = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accommodation_decisions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "adviser_allocations",
                schema: "leavingcare",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    adviser_id = table.Column<Guid>(type: "uuid", nullable: false),
                    adviser_user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    previous_adviser_user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_adviser_allocations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "advisers",
                schema: "leavingcare",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    team = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    provider = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    registered_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_advisers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "alerts",
                schema: "leavingcare",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recipient = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    queue = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acknowledged_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alerts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "contacts",
                schema: "leavingcare",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    method = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    young_persons_words = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    whereabouts_command_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contacts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "flagged_addresses",
                schema: "leavingcare",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    postcode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    address_key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    postcode_key = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_flagged_addresses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pathway_plan_reviews",
                schema: "leavingcare",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reviewed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pathway_plan_reviews", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "picture_events",
                schema: "leavingcare",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    reference_id = table.Column<Guid>(type: "uuid", nullable: false),
                    label = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_picture_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pictures",
                schema: "leavingcare",
                columns: table => new
                {
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: true),
                    details_version = table.Column<int>(type: "integer", nullable: false),
                    pathway_plan_from = table.Column<DateOnly>(type: "date", nullable: true),
                    eighteenth_birthday = table.Column<DateOnly>(type: "date", nullable: true),
                    support_until = table.Column<DateOnly>(type: "date", nullable: true),
                    first_known_on = table.Column<DateOnly>(type: "date", nullable: false),
                    looked_after = table.Column<bool>(type: "boolean", nullable: false),
                    on_caseload_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    adviser_user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    risk_level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    risk_indicators = table.Column<string[]>(type: "text[]", nullable: false),
                    risk_level_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_contact_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    whereabouts_unknown_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    support_continued_announced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pictures", x => x.young_person_id);
                });

            migrationBuilder.CreateTable(
                name: "unmet_needs",
                schema: "leavingcare",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    need_category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    refused_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    refused_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unmet_needs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_accommodation_checks_young_person_id",
                schema: "leavingcare",
                table: "accommodation_checks",
                column: "young_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_accommodation_decisions_check_id",
                schema: "leavingcare",
                table: "accommodation_decisions",
                column: "check_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_adviser_allocations_young_person_id_recorded_at",
                schema: "leavingcare",
                table: "adviser_allocations",
                columns: new[] { "young_person_id", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_advisers_user_id",
                schema: "leavingcare",
                table: "advisers",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_alerts_recipient_raised_at",
                schema: "leavingcare",
                table: "alerts",
                columns: new[] { "recipient", "raised_at" });

            migrationBuilder.CreateIndex(
                name: "ux_alerts_young_person_kind_due_on",
                schema: "leavingcare",
                table: "alerts",
                columns: new[] { "young_person_id", "kind", "due_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contacts_young_person_id_occurred_at",
                schema: "leavingcare",
                table: "contacts",
                columns: new[] { "young_person_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_flagged_addresses_postcode_key",
                schema: "leavingcare",
                table: "flagged_addresses",
                column: "postcode_key");

            migrationBuilder.CreateIndex(
                name: "ix_pathway_plan_reviews_young_person_id_reviewed_on",
                schema: "leavingcare",
                table: "pathway_plan_reviews",
                columns: new[] { "young_person_id", "reviewed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_picture_events_young_person_id_kind_reference_id",
                schema: "leavingcare",
                table: "picture_events",
                columns: new[] { "young_person_id", "kind", "reference_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pictures_adviser_user_id",
                schema: "leavingcare",
                table: "pictures",
                column: "adviser_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_pictures_eighteenth_birthday",
                schema: "leavingcare",
                table: "pictures",
                column: "eighteenth_birthday");

            migrationBuilder.CreateIndex(
                name: "ix_pictures_support_until",
                schema: "leavingcare",
                table: "pictures",
                column: "support_until",
                filter: "on_caseload_since IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_unmet_needs_young_person_id",
                schema: "leavingcare",
                table: "unmet_needs",
                column: "young_person_id");

            // Case records are append-only (REC-01); corrections are new rows. pictures (current-state projection)
            // and alerts (acknowledgement) are mutable; their history is in the tables below.
            foreach (var table in new[] { "picture_events", "adviser_allocations", "contacts", "pathway_plan_reviews", "unmet_needs",
                "flagged_addresses", "accommodation_checks", "accommodation_decisions" })
            {
                migrationBuilder.MakeAppendOnly("leavingcare", table);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accommodation_checks",
                schema: "leavingcare");

            migrationBuilder.DropTable(
                name: "accommodation_decisions",
                schema: "leavingcare");

            migrationBuilder.DropTable(
                name: "adviser_allocations",
                schema: "leavingcare");

            migrationBuilder.DropTable(
                name: "advisers",
                schema: "leavingcare");

            migrationBuilder.DropTable(
                name: "alerts",
                schema: "leavingcare");

            migrationBuilder.DropTable(
                name: "contacts",
                schema: "leavingcare");

            migrationBuilder.DropTable(
                name: "flagged_addresses",
                schema: "leavingcare");

            migrationBuilder.DropTable(
                name: "pathway_plan_reviews",
                schema: "leavingcare");

            migrationBuilder.DropTable(
                name: "picture_events",
                schema: "leavingcare");

            migrationBuilder.DropTable(
                name: "pictures",
                schema: "leavingcare");

            migrationBuilder.DropTable(
                name: "unmet_needs",
                schema: "leavingcare");
        }
    }
}
