using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorsFromRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "indicators_from_record",
                schema: "referrals",
                table: "risk_assessments",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "indicators_from_record",
                schema: "referrals",
                table: "risk_assessments");
        }
    }
}
