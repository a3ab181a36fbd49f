using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class Assessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessments",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    pathway_id = table.Column<Guid>(type: "uuid", nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    opened_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    opened_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    signed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    signed_off_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    signed_off_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "assessment_entries",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    section = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    account = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    feelings = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    seen_alone_on = table.Column<DateOnly>(type: "date", nullable: true),
                    short_term_impact = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    long_term_impact = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    what_happened = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    why = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    consequences = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    plan = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    needs = table.Column<string>(type: "jsonb", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessment_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_assessment_entries_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalSchema: "referrals",
                        principalTable: "assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_invitations",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    worker_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    invited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    invited_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessment_invitations", x => x.id);
                    table.ForeignKey(
                        name: "fk_assessment_invitations_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalSchema: "referrals",
                        principalTable: "assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_need_tasks",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    need = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    assigned_to = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessment_need_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_assessment_need_tasks_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalSchema: "referrals",
                        principalTable: "assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_signatures",
                schema: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    signed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    signed_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessment_signatures", x => x.id);
                    table.ForeignKey(
                        name: "fk_assessment_signatures_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalSchema: "referrals",
                        principalTable: "assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_invitation_replies",
                schema: "referrals",
                columns: table => new
                {
                    invitation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contributed = table.Column<bool>(type: "boolean", nullable: false),
                    text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessment_invitation_replies", x => x.invitation_id);
                    table.ForeignKey(
                        name: "fk_assessment_invitation_replies_assessment_invitations_invita",
                        column: x => x.invitation_id,
                        principalSchema: "referrals",
                        principalTable: "assessment_invitations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_need_task_completions",
                schema: "referrals",
                columns: table => new
                {
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    unmet_need_reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    unmet_need_id = table.Column<Guid>(type: "uuid", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    completed_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessment_need_task_completions", x => x.task_id);
                    table.ForeignKey(
                        name: "fk_assessment_need_task_completions_assessment_need_task_task_",
                        column: x => x.task_id,
                        principalSchema: "referrals",
                        principalTable: "assessment_need_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assessment_entries_assessment_id_sequence",
                schema: "referrals",
                table: "assessment_entries",
                columns: new[] { "assessment_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assessment_invitation_replies_assessment_id",
                schema: "referrals",
                table: "assessment_invitation_replies",
                column: "assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_assessment_invitations_assessment_id_worker",
                schema: "referrals",
                table: "assessment_invitations",
                columns: new[] { "assessment_id", "worker" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assessment_invitations_worker",
                schema: "referrals",
                table: "assessment_invitations",
                column: "worker");

            migrationBuilder.CreateIndex(
                name: "ix_assessment_need_tasks_assessment_id",
                schema: "referrals",
                table: "assessment_need_tasks",
                column: "assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_assessment_need_tasks_assigned_to_due_at",
                schema: "referrals",
                table: "assessment_need_tasks",
                columns: new[] { "assigned_to", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_assessment_need_tasks_young_person_id",
                schema: "referrals",
                table: "assessment_need_tasks",
                column: "young_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_assessment_signatures_assessment_id_version",
                schema: "referrals",
                table: "assessment_signatures",
                columns: new[] { "assessment_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assessments_completed_at_due_at",
                schema: "referrals",
                table: "assessments",
                columns: new[] { "completed_at", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_assessments_pathway_id",
                schema: "referrals",
                table: "assessments",
                column: "pathway_id",
                unique: true,
                filter: "pathway_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_assessments_young_person_id_completed_at",
                schema: "referrals",
                table: "assessments",
                columns: new[] { "young_person_id", "completed_at" });

            migrationBuilder.CreateIndex(
                name: "ux_assessments_one_open_per_kind",
                schema: "referrals",
                table: "assessments",
                columns: new[] { "young_person_id", "kind" },
                unique: true,
                filter: "completed_at IS NULL AND kind <> 'S47Core'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessment_entries",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "assessment_invitation_replies",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "assessment_need_task_completions",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "assessment_signatures",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "assessment_invitations",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "assessment_need_tasks",
                schema: "referrals");

            migrationBuilder.DropTable(
                name: "assessments",
                schema: "referrals");
        }
    }
}
