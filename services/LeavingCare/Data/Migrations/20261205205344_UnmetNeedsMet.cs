using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Support.ServiceDefaults.Data;

#nullable disable

namespace Support.LeavingCare.Data.Migrations
{
    /// <inheritdoc />
    public partial class UnmetNeedsMet : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "unmet_needs_met",
                schema: "leavingcare",
                columns: table => new
                {
                    unmet_need_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    met_on = table.Column<DateOnly>(type: "date", nullable: false),
                    how = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_role = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unmet_needs_met", x => x.unmet_need_id);
                    table.ForeignKey(
                        name: "fk_unmet_needs_met_unmet_needs_unmet_need_id",
                        column: x => x.unmet_need_id,
                        principalSchema: "leavingcare",
                        principalTable: "unmet_needs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_unmet_needs_met_young_person_id",
                schema: "leavingcare",
                table: "unmet_needs_met",
                column: "young_person_id");

            // COM-05: a need met is a row of its own beside the need, never an edit of it.
            migrationBuilder.MakeAppendOnly("leavingcare", "unmet_needs_met");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "unmet_needs_met",
                schema: "leavingcare");
        }
    }
}
