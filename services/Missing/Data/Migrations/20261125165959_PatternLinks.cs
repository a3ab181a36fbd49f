using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Missing.Data.Migrations
{
    /// <inheritdoc />
    public partial class PatternLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "abduction_notices",
                schema: "missing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    subject_nicknames = table.Column<List<string>>(type: "text[]", nullable: false),
                    addresses = table.Column<List<string>>(type: "text[]", nullable: false),
                    vehicle_registrations = table.Column<List<string>>(type: "text[]", nullable: false),
                    served_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_abduction_notices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "episode_links",
                schema: "missing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    episode_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    linked_episode_id = table.Column<Guid>(type: "uuid", nullable: true),
                    abduction_notice_id = table.Column<Guid>(type: "uuid", nullable: true),
                    matched_on = table.Column<List<string>>(type: "text[]", nullable: false),
                    linked_fields = table.Column<List<string>>(type: "text[]", nullable: false),
                    matched_term = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_episode_links", x => x.id);
                    table.CheckConstraint("ck_episode_links_one_target", "(linked_episode_id IS NULL) <> (abduction_notice_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_episode_links_abduction_notices_abduction_notice_id",
                        column: x => x.abduction_notice_id,
                        principalSchema: "missing",
                        principalTable: "abduction_notices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_episode_links_episodes_episode_id",
                        column: x => x.episode_id,
                        principalSchema: "missing",
                        principalTable: "episodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_episode_links_episodes_linked_episode_id",
                        column: x => x.linked_episode_id,
                        principalSchema: "missing",
                        principalTable: "episodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_abduction_notices_young_person_id",
                schema: "missing",
                table: "abduction_notices",
                column: "young_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_episode_links_abduction_notice_id",
                schema: "missing",
                table: "episode_links",
                column: "abduction_notice_id");

            migrationBuilder.CreateIndex(
                name: "ix_episode_links_episode_id_kind",
                schema: "missing",
                table: "episode_links",
                columns: new[] { "episode_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_episode_links_linked_episode_id",
                schema: "missing",
                table: "episode_links",
                column: "linked_episode_id");

            // Links and notices are evidence: never deleted, like episodes.
            migrationBuilder.Sql("""
                CREATE TRIGGER abduction_notices_no_delete BEFORE DELETE ON "missing"."abduction_notices"
                  FOR EACH ROW EXECUTE FUNCTION "missing".refuse_delete();
                CREATE TRIGGER episode_links_no_delete BEFORE DELETE ON "missing"."episode_links"
                  FOR EACH ROW EXECUTE FUNCTION "missing".refuse_delete();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS episode_links_no_delete ON "missing"."episode_links";
                DROP TRIGGER IF EXISTS abduction_notices_no_delete ON "missing"."abduction_notices";
                """);

            migrationBuilder.DropTable(
                name: "episode_links",
                schema: "missing");

            migrationBuilder.DropTable(
                name: "abduction_notices",
                schema: "missing");
        }
    }
}
