using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.Therapy.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReferralsOffersAndUnmetNeedLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "health_indicators",
                schema: "therapy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sharing_basis = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_health_indicators", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "key_worker_tasks",
                schema: "therapy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    declined_referral_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    assigned_to = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    fitting_offer_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    done_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    alternative_referral_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_key_worker_tasks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "key_workers",
                schema: "therapy",
                columns: table => new
                {
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_key_workers", x => x.young_person_id);
                });

            migrationBuilder.CreateTable(
                name: "providers",
                schema: "therapy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    referral_route = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_providers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "risk_pictures",
                schema: "therapy",
                columns: table => new
                {
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    indicators = table.Column<string[]>(type: "text[]", nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assessed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_pictures", x => x.young_person_id);
                });

            migrationBuilder.CreateTable(
                name: "unmet_needs",
                schema: "therapy",
                columns: table => new
                {
                    unmet_need_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    need_category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    raised_by = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    since = table.Column<DateOnly>(type: "date", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unmet_needs", x => x.unmet_need_id);
                });

            migrationBuilder.CreateTable(
                name: "offers",
                schema: "therapy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    settings = table.Column<string[]>(type: "text[]", nullable: false),
                    eligibility = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    intended_outcomes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    minimum_age = table.Column<int>(type: "integer", nullable: false),
                    maximum_age = table.Column<int>(type: "integer", nullable: true),
                    commissioned_capacity = table.Column<int>(type: "integer", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_offers", x => x.id);
                    table.ForeignKey(
                        name: "fk_offers_providers_provider_id",
                        column: x => x.provider_id,
                        principalSchema: "therapy",
                        principalTable: "providers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "offer_funding",
                schema: "therapy",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    funded_fte = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    offer_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_offer_funding", x => x.id);
                    table.ForeignKey(
                        name: "fk_offer_funding_offers_offer_id",
                        column: x => x.offer_id,
                        principalSchema: "therapy",
                        principalTable: "offers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "referrals",
                schema: "therapy",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    offer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    offer_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    referred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason_for_referral = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    risk_level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    indicators = table.Column<string[]>(type: "text[]", nullable: false),
                    alternative_for_task_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    outcome_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outcome_recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outcome_recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    decline_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    cse_history_considered = table.Column<bool>(type: "boolean", nullable: true),
                    withdrawal_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    outcome_note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    unmet_need_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referrals", x => x.id);
                    table.ForeignKey(
                        name: "fk_referrals_offers_offer_id",
                        column: x => x.offer_id,
                        principalSchema: "therapy",
                        principalTable: "offers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_health_indicators_young_person_id_occurred_at",
                schema: "therapy",
                table: "health_indicators",
                columns: new[] { "young_person_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_key_worker_tasks_declined_referral_id",
                schema: "therapy",
                table: "key_worker_tasks",
                column: "declined_referral_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_key_worker_tasks_status_assigned_to",
                schema: "therapy",
                table: "key_worker_tasks",
                columns: new[] { "status", "assigned_to" });

            migrationBuilder.CreateIndex(
                name: "ix_offer_funding_offer_id",
                schema: "therapy",
                table: "offer_funding",
                column: "offer_id");

            migrationBuilder.CreateIndex(
                name: "ix_offers_provider_id",
                schema: "therapy",
                table: "offers",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_providers_name",
                schema: "therapy",
                table: "providers",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_referrals_offer_id_status",
                schema: "therapy",
                table: "referrals",
                columns: new[] { "offer_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_referred_at",
                schema: "therapy",
                table: "referrals",
                column: "referred_at");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_young_person_id_referred_at",
                schema: "therapy",
                table: "referrals",
                columns: new[] { "young_person_id", "referred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_unmet_needs_occurred_at",
                schema: "therapy",
                table: "unmet_needs",
                column: "occurred_at");

            // THR-08: health indicators are case records; a mistake is a new entry, never an edit (REC-01).
            migrationBuilder.MakeAppendOnly("therapy", "health_indicators");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "health_indicators",
                schema: "therapy");

            migrationBuilder.DropTable(
                name: "key_worker_tasks",
                schema: "therapy");

            migrationBuilder.DropTable(
                name: "key_workers",
                schema: "therapy");

            migrationBuilder.DropTable(
                name: "offer_funding",
                schema: "therapy");

            migrationBuilder.DropTable(
                name: "referrals",
                schema: "therapy");

            migrationBuilder.DropTable(
                name: "risk_pictures",
                schema: "therapy");

            migrationBuilder.DropTable(
                name: "unmet_needs",
                schema: "therapy");

            migrationBuilder.DropTable(
                name: "offers",
                schema: "therapy");

            migrationBuilder.DropTable(
                name: "providers",
                schema: "therapy");
        }
    }
}
