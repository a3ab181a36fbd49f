using Microsoft.EntityFrameworkCore.Migrations;
using Support.Outreach.Features.Reports;

#nullable disable

namespace Support.Outreach.Data.Migrations
{
    /// <summary>
    /// OUT-08, issue 11: the hotspot report's shared counts become change rows, only ever inserted and summed, so that
    /// contacts at the same place no longer queue for one row (Features/Reports/HotspotCounting.cs). The rows already
    /// there are each their key's only row, and stay as they are.
    /// </summary>
    public partial class HotspotCountChangeRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_hotspot_young_person_month_counts",
                schema: "outreach",
                table: "hotspot_young_person_month_counts");

            migrationBuilder.DropIndex(
                name: "ix_hotspot_young_person_month_counts_emptied",
                schema: "outreach",
                table: "hotspot_young_person_month_counts");

            migrationBuilder.DropPrimaryKey(
                name: "pk_hotspot_visit_counts",
                schema: "outreach",
                table: "hotspot_visit_counts");

            migrationBuilder.DropIndex(
                name: "ix_hotspot_visit_counts_emptied",
                schema: "outreach",
                table: "hotspot_visit_counts");

            migrationBuilder.CreateIndex(
                name: "ix_hotspot_young_person_month_counts_month_previous_month",
                schema: "outreach",
                table: "hotspot_young_person_month_counts",
                columns: new[] { "month", "previous_month" });

            migrationBuilder.CreateIndex(
                name: "ix_hotspot_visit_counts_month_location_id_previous_month",
                schema: "outreach",
                table: "hotspot_visit_counts",
                columns: new[] { "month", "location_id", "previous_month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // One row per key again before the keys come back.
            migrationBuilder.Sql(HotspotCounting.CompactVisitCountsSql);
            migrationBuilder.Sql(HotspotCounting.CompactYoungPersonMonthCountsSql);

            migrationBuilder.DropIndex(
                name: "ix_hotspot_young_person_month_counts_month_previous_month",
                schema: "outreach",
                table: "hotspot_young_person_month_counts");

            migrationBuilder.DropIndex(
                name: "ix_hotspot_visit_counts_month_location_id_previous_month",
                schema: "outreach",
                table: "hotspot_visit_counts");

            migrationBuilder.AddPrimaryKey(
                name: "pk_hotspot_young_person_month_counts",
                schema: "outreach",
                table: "hotspot_young_person_month_counts",
                columns: new[] { "month", "previous_month" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_hotspot_visit_counts",
                schema: "outreach",
                table: "hotspot_visit_counts",
                columns: new[] { "month", "location_id", "previous_month" });

            migrationBuilder.CreateIndex(
                name: "ix_hotspot_young_person_month_counts_emptied",
                schema: "outreach",
                table: "hotspot_young_person_month_counts",
                column: "month",
                filter: "young_people = 0");

            migrationBuilder.CreateIndex(
                name: "ix_hotspot_visit_counts_emptied",
                schema: "outreach",
                table: "hotspot_visit_counts",
                column: "month",
                filter: "young_people = 0");
        }
    }
}
