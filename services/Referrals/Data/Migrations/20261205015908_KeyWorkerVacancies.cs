using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class KeyWorkerVacancies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "key_worker",
                schema: "referrals",
                table: "key_worker_allocations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AddColumn<string>(
                name: "end_reason",
                schema: "referrals",
                table: "key_worker_allocations",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "unallocated_since",
                schema: "referrals",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            // REF-23: an open case without a key worker has been unallocated since it opened (no vacancy existed before).
            migrationBuilder.Sql("UPDATE referrals.cases SET unallocated_since = opened_at WHERE status = 'Open' AND key_worker IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "end_reason",
                schema: "referrals",
                table: "key_worker_allocations");

            migrationBuilder.DropColumn(
                name: "unallocated_since",
                schema: "referrals",
                table: "cases");

            migrationBuilder.AlterColumn<string>(
                name: "key_worker",
                schema: "referrals",
                table: "key_worker_allocations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);
        }
    }
}
