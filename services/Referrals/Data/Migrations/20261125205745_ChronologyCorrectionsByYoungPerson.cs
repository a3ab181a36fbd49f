using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class ChronologyCorrectionsByYoungPerson : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_chronology_entries_corrects",
                schema: "referrals",
                table: "chronology_entries");

            migrationBuilder.CreateIndex(
                name: "ix_chronology_entries_young_person_id_corrects",
                schema: "referrals",
                table: "chronology_entries",
                columns: new[] { "young_person_id", "corrects" },
                filter: "corrects IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_chronology_entries_young_person_id_corrects",
                schema: "referrals",
                table: "chronology_entries");

            migrationBuilder.CreateIndex(
                name: "ix_chronology_entries_corrects",
                schema: "referrals",
                table: "chronology_entries",
                column: "corrects",
                filter: "corrects IS NOT NULL");
        }
    }
}
