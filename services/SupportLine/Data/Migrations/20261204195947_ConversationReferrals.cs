using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.SupportLine.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConversationReferrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "conversation_referrals",
                schema: "supportline",
                columns: table => new
                {
                    referral_id = table.Column<Guid>(type: "uuid", nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    referrer_role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    priority = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    decision_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    referred_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    referred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    decided_late = table.Column<bool>(type: "boolean", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversation_referrals", x => x.referral_id);
                    table.ForeignKey(
                        name: "fk_conversation_referrals_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalSchema: "supportline",
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_conversation_referrals_conversation_id",
                schema: "supportline",
                table: "conversation_referrals",
                column: "conversation_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "conversation_referrals",
                schema: "supportline");
        }
    }
}
