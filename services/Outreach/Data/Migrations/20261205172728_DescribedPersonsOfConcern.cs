using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Outreach.Data.Migrations
{
    /// <inheritdoc />
    public partial class DescribedPersonsOfConcern : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "described_ethnicity",
                schema: "outreach",
                table: "information_mentions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "described_gender",
                schema: "outreach",
                table: "information_mentions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "described_ethnicity",
                schema: "outreach",
                table: "information_mentions");

            migrationBuilder.DropColumn(
                name: "described_gender",
                schema: "outreach",
                table: "information_mentions");
        }
    }
}
