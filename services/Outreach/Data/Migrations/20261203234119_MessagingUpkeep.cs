using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Outreach.Data.Migrations
{
    /// <inheritdoc />
    public partial class MessagingUpkeep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_pending",
                schema: "outreach",
                table: "outbox_messages");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "dead_at",
                schema: "outreach",
                table: "outbox_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_dead",
                schema: "outreach",
                table: "outbox_messages",
                column: "dead_at",
                filter: "dead_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                schema: "outreach",
                table: "outbox_messages",
                column: "sequence",
                filter: "sent_at IS NULL AND dead_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_sent_at",
                schema: "outreach",
                table: "outbox_messages",
                column: "sent_at",
                filter: "sent_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_processed_at",
                schema: "outreach",
                table: "inbox_messages",
                column: "processed_at");


            // Inbox keys move from CLR type names to the declared [InboxName]s, so de-duplication carries over.
            migrationBuilder.Sql("UPDATE outreach.inbox_messages SET consumer = 'registry-projection.young-person-registered' WHERE consumer LIKE 'Support.Messaging.Registry.YoungPersonRegisteredConsumer`1[[%'");
            migrationBuilder.Sql("UPDATE outreach.inbox_messages SET consumer = 'registry-projection.young-person-details-corrected' WHERE consumer LIKE 'Support.Messaging.Registry.YoungPersonDetailsCorrectedConsumer`1[[%'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_dead",
                schema: "outreach",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_pending",
                schema: "outreach",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_sent_at",
                schema: "outreach",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_inbox_messages_processed_at",
                schema: "outreach",
                table: "inbox_messages");

            migrationBuilder.DropColumn(
                name: "dead_at",
                schema: "outreach",
                table: "outbox_messages");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                schema: "outreach",
                table: "outbox_messages",
                column: "sequence",
                filter: "sent_at IS NULL");
        }
    }
}
