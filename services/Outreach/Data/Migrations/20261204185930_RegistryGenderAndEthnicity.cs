using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Outreach.Data.Migrations
{
    /// <inheritdoc />
    public partial class RegistryGenderAndEthnicity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ethnicity",
                schema: "outreach",
                table: "young_people",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "gender",
                schema: "outreach",
                table: "young_people",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ethnicity",
                schema: "outreach",
                table: "young_people");

            migrationBuilder.DropColumn(
                name: "gender",
                schema: "outreach",
                table: "young_people");
        }
    }
}
