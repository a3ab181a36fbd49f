using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.LeavingCare.Data.Migrations
{
    /// <inheritdoc />
    public partial class MessagingUpkeep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_pending",
                schema: "leavingcare",
                table: "outbox_messages");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "dead_at",
                schema: "leavingcare",
                table: "outbox_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_dead",
                schema: "leavingcare",
                table: "outbox_messages",
                column: "dead_at",
                filter: "dead_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                schema: "leavingcare",
                table: "outbox_messages",
                column: "sequence",
                filter: "sent_at IS NULL AND dead_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_sent_at",
                schema: "leavingcare",
                table: "outbox_messages",
                column: "sent_at",
                filter: "sent_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_processed_at",
                schema: "leavingcare",
                table: "inbox_messages",
                column: "processed_at");


            // Inbox keys move from CLR type names to the declared [InboxName]s, so de-duplication carries over.
            migrationBuilder.Sql("UPDATE leavingcare.inbox_messages SET consumer = 'picture.on-registration' WHERE consumer = 'Support.LeavingCare.Consumers.PictureOnRegistrationConsumer'");
            migrationBuilder.Sql("UPDATE leavingcare.inbox_messages SET consumer = 'picture.on-correction' WHERE consumer = 'Support.LeavingCare.Consumers.PictureOnCorrectionConsumer'");
            migrationBuilder.Sql("UPDATE leavingcare.inbox_messages SET consumer = 'picture.risk-level-changed' WHERE consumer = 'Support.LeavingCare.Consumers.RiskLevelChangedConsumer'");
            migrationBuilder.Sql("UPDATE leavingcare.inbox_messages SET consumer = 'picture.risk-review-opened' WHERE consumer = 'Support.LeavingCare.Consumers.RiskReviewOpenedConsumer'");
            migrationBuilder.Sql("UPDATE leavingcare.inbox_messages SET consumer = 'picture.risk-review-completed' WHERE consumer = 'Support.LeavingCare.Consumers.RiskReviewCompletedConsumer'");
            migrationBuilder.Sql("UPDATE leavingcare.inbox_messages SET consumer = 'picture.referral-decided' WHERE consumer = 'Support.LeavingCare.Consumers.ReferralDecidedConsumer'");
            migrationBuilder.Sql("UPDATE leavingcare.inbox_messages SET consumer = 'picture.strategy-meeting-finalised' WHERE consumer = 'Support.LeavingCare.Consumers.StrategyMeetingFinalisedConsumer'");
            migrationBuilder.Sql("UPDATE leavingcare.inbox_messages SET consumer = 'picture.strategy-action-completed' WHERE consumer = 'Support.LeavingCare.Consumers.StrategyActionCompletedConsumer'");
            migrationBuilder.Sql("UPDATE leavingcare.inbox_messages SET consumer = 'picture.missing-episode-reported' WHERE consumer = 'Support.LeavingCare.Consumers.MissingEpisodeReportedConsumer'");
            migrationBuilder.Sql("UPDATE leavingcare.inbox_messages SET consumer = 'picture.return-interview-completed' WHERE consumer = 'Support.LeavingCare.Consumers.ReturnInterviewCompletedConsumer'");
            migrationBuilder.Sql("UPDATE leavingcare.inbox_messages SET consumer = 'picture.outreach-concern-raised' WHERE consumer = 'Support.LeavingCare.Consumers.OutreachConcernRaisedConsumer'");
            migrationBuilder.Sql("UPDATE leavingcare.inbox_messages SET consumer = 'registry-projection.young-person-registered' WHERE consumer LIKE 'Support.Messaging.Registry.YoungPersonRegisteredConsumer`1[[%'");
            migrationBuilder.Sql("UPDATE leavingcare.inbox_messages SET consumer = 'registry-projection.young-person-details-corrected' WHERE consumer LIKE 'Support.Messaging.Registry.YoungPersonDetailsCorrectedConsumer`1[[%'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE leavingcare.inbox_messages SET consumer = 'Support.LeavingCare.Consumers.PictureOnRegistrationConsumer' WHERE consumer = 'picture.on-registration'");
            migrationBuilder.Sql("UPDATE leavingcare.inbox_messages SET consumer = 'Support.LeavingCare.Consumers.PictureOnCorrectionConsumer' WHERE consumer = 'picture.on-correction'");
            migrationBuilder.Sql("UPDATE leavingcare.inbox_messages SET consumer = 'Support.LeavingCare.Consumers.RiskLevelChangedConsumer' WHERE consumer = 'picture.risk-level-changed'");
            migrationBuilder.Sql("UPDATE leavingcare.inbox_messages SET consumer = 'Support.LeavingCare.Consumers.RiskReviewOpenedConsumer' WHERE consumer = 'picture.risk-review-opened'");
            migrationBuilder.Sql("UPDATE leavingcare.inbox_messages SET consumer = 'Support.LeavingCare.Consumers.RiskReviewCompletedConsumer' WHERE consumer = 'picture.risk-review-completed'");
            migrationBuilder.Sql("UPDATE leavingcare.inbox_messages SET consumer = 'Support.LeavingCare.Consumers.ReferralDecidedConsumer' WHERE consumer = 'picture.referral-decided'");
            migrationBuilder.Sql("UPDATE leavingcare.inbox_messages SET consumer = 'Support.LeavingCare.Consumers.StrategyMeetingFinalisedConsumer' WHERE consumer = 'picture.strategy-meeting-finalised'");
            migrationBuilder.Sql("UPDATE leavingcare.inbox_messages SET consumer = 'Support.LeavingCare.Consumers.StrategyActionCompletedConsumer' WHERE consumer = 'picture.strategy-action-completed'");
            migrationBuilder.Sql("UPDATE leavingcare.inbox_messages SET consumer = 'Support.LeavingCare.Consumers.MissingEpisodeReportedConsumer' WHERE consumer = 'picture.missing-episode-reported'");
            migrationBuilder.Sql("UPDATE leavingcare.inbox_messages SET consumer = 'Support.LeavingCare.Consumers.ReturnInterviewCompletedConsumer' WHERE consumer = 'picture.return-interview-completed'");
            migrationBuilder.Sql("UPDATE leavingcare.inbox_messages SET consumer = 'Support.LeavingCare.Consumers.OutreachConcernRaisedConsumer' WHERE consumer = 'picture.outreach-concern-raised'");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_dead",
                schema: "leavingcare",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_pending",
                schema: "leavingcare",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_sent_at",
                schema: "leavingcare",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_inbox_messages_processed_at",
                schema: "leavingcare",
                table: "inbox_messages");

            migrationBuilder.DropColumn(
                name: "dead_at",
                schema: "leavingcare",
                table: "outbox_messages");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                schema: "leavingcare",
                table: "outbox_messages",
                column: "sequence",
                filter: "sent_at IS NULL");
        }
    }
}
