using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class Cases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    referral_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    lead_team = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    allocation_criterion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    criteria_version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    key_worker = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    key_worker_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    current_allocation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "team_manager_assignments",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    team = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    manager = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    valid_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    previous_assignment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_team_manager_assignments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "case_closures",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    summary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    rationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    approved_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    approved_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_closures", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_closures_case_case_id",
                        column: x => x.case_id,
                        principalSchema: "referrals",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_involved_workers",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_involved_workers", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_involved_workers_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "referrals",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_lead_teams",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    valid_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    criterion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    criteria_version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    transfer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_lead_teams", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_lead_teams_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "referrals",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_transfers",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_team = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    to_team = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    criterion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    criteria_version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    requested_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_transfers", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_transfers_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "referrals",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "key_worker_allocations",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key_worker = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    valid_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    previous_allocation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_key_worker_allocations", x => x.id);
                    table.ForeignKey(
                        name: "fk_key_worker_allocations_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "referrals",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_closure_decisions",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    closure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    item_kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    decision = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_closure_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_closure_decisions_case_closures_closure_id",
                        column: x => x.closure_id,
                        principalSchema: "referrals",
                        principalTable: "case_closures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_transfer_decisions",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    transfer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    rationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    decided_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_transfer_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_transfer_decisions_case_transfers_transfer_id",
                        column: x => x.transfer_id,
                        principalSchema: "referrals",
                        principalTable: "case_transfers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_closure_decisions_closure_id_item_key",
                schema: "referrals",
                table: "case_closure_decisions",
                columns: new[] { "closure_id", "item_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_case_closures_case_id",
                schema: "referrals",
                table: "case_closures",
                column: "case_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_case_involved_workers_case_id",
                schema: "referrals",
                table: "case_involved_workers",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_lead_teams_case_id_valid_from",
                schema: "referrals",
                table: "case_lead_teams",
                columns: new[] { "case_id", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_case_lead_teams_transfer_id",
                schema: "referrals",
                table: "case_lead_teams",
                column: "transfer_id",
                unique: true,
                filter: "transfer_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_case_transfer_decisions_transfer_id_kind",
                schema: "referrals",
                table: "case_transfer_decisions",
                columns: new[] { "transfer_id", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_case_transfers_case_id",
                schema: "referrals",
                table: "case_transfers",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_referral_id",
                schema: "referrals",
                table: "cases",
                column: "referral_id",
                unique: true,
                filter: "referral_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_cases_status_key_worker",
                schema: "referrals",
                table: "cases",
                columns: new[] { "status", "key_worker" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_young_person_id_opened_at",
                schema: "referrals",
                table: "cases",
                columns: new[] { "young_person_id", "opened_at" });

            migrationBuilder.CreateIndex(
                name: "ux_cases_one_open_per_young_person",
                schema: "referrals",
                table: "cases",
                column: "young_person_id",
                unique: true,
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_key_worker_allocations_case_id_valid_from",
                schema: "referrals",
                table: "key_worker_allocations",
                columns: new[] { "case_id", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_key_worker_allocations_previous_allocation_id",
                schema: "referrals",
                table: "key_worker_allocations",
                column: "previous_allocation_id",
                unique: true,
                filter: "previous_allocation_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_key_worker_allocations_first_per_case",
                schema: "referrals",
                table: "key_worker_allocations",
                column: "case_id",
                unique: true,
                filter: "previous_allocation_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_team_manager_assignments_previous_assignment_id",
                schema: "referrals",
                table: "team_manager_assignments",
                column: "previous_assignment_id",
                unique: true,
                filter: "previous_assignment_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_team_manager_assignments_team_valid_from",
                schema: "referrals",
                table: "team_manager_assignments",
                columns: new[] { "team", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ux_team_manager_assignments_first_per_team",
                schema: "referrals",
                table: "team_manager_assignments",
                column: "team",
                unique: true,
                filter: "previous_assignment_id IS NULL");

            // History beside the mutable "cases" projection: never updated or deleted (REC-01, REF-24).
            migrationBuilder.MakeAppendOnly("referrals", "case_lead_teams");
            migrationBuilder.MakeAppendOnly("referrals", "key_worker_allocations");
            migrationBuilder.MakeAppendOnly("referrals", "case_involved_workers");
            migrationBuilder.MakeAppendOnly("referrals", "team_manager_assignments");
            migrationBuilder.MakeAppendOnly("referrals", "case_transfers");
            migrationBuilder.MakeAppendOnly("referrals", "case_transfer_decisions");
            migrationBuilder.MakeAppendOnly("referrals", "case_closures");
            migrationBuilder.MakeAppendOnly("referrals", "case_closure_decisions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_closure_decisions",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "case_involved_workers",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "case_lead_teams",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "case_transfer_decisions",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "key_worker_allocations",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "team_manager_assignments",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "case_closures",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "case_transfers",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "cases",
                schema: "referrals");
        }
    }
}
