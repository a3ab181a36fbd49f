using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class MessagingUpkeep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_pending",
                schema: "referrals",
                table: "outbox_messages");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "dead_at",
                schema: "referrals",
                table: "outbox_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_dead",
                schema: "referrals",
                table: "outbox_messages",
                column: "dead_at",
                filter: "dead_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                schema: "referrals",
                table: "outbox_messages",
                column: "sequence",
                filter: "sent_at IS NULL AND dead_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_sent_at",
                schema: "referrals",
                table: "outbox_messages",
                column: "sent_at",
                filter: "sent_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_processed_at",
                schema: "referrals",
                table: "inbox_messages",
                column: "processed_at");


            // Inbox keys move from CLR type names to the declared [InboxName]s, so de-duplication carries over.
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 's47.start-pathway-on-referral-decided' WHERE consumer = 'Support.Referrals.Consumers.StartS47PathwayOnReferralDecided'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'cases.open-on-referral-decided' WHERE consumer = 'Support.Referrals.Consumers.OpenCaseOnReferralDecided'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'risk-reviews.open-on-return-interview-completed' WHERE consumer = 'Support.Referrals.Consumers.ReturnInterviewCompletedConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'risk-reviews.open-on-repeat-missing-detected' WHERE consumer = 'Support.Referrals.Consumers.RepeatMissingDetectedConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'risk-reviews.outreach-concern-raised' WHERE consumer = 'Support.Referrals.Consumers.OutreachConcernRaisedConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'risk-reviews.missing-episode-reported' WHERE consumer = 'Support.Referrals.Consumers.MissingEpisodeReportedConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.outreach-concern-raised' WHERE consumer = 'Support.Referrals.Consumers.Chronology.OutreachConcernRaisedChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.handover-alert-raised' WHERE consumer = 'Support.Referrals.Consumers.Chronology.HandoverAlertRaisedChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.personal-adviser-allocated' WHERE consumer = 'Support.Referrals.Consumers.Chronology.PersonalAdviserAllocatedChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.support-continued-past18' WHERE consumer = 'Support.Referrals.Consumers.Chronology.SupportContinuedPast18ChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.unmet-need-recorded' WHERE consumer = 'Support.Referrals.Consumers.Chronology.UnmetNeedRecordedChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.case-opened' WHERE consumer = 'Support.Referrals.Consumers.Chronology.CaseOpenedChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.key-worker-assigned' WHERE consumer = 'Support.Referrals.Consumers.Chronology.KeyWorkerAssignedChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.case-transferred' WHERE consumer = 'Support.Referrals.Consumers.Chronology.CaseTransferredChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.case-closed' WHERE consumer = 'Support.Referrals.Consumers.Chronology.CaseClosedChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.referral-received' WHERE consumer = 'Support.Referrals.Consumers.Chronology.ReferralReceivedChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.referral-decided' WHERE consumer = 'Support.Referrals.Consumers.Chronology.ReferralDecidedChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.referral-decision-overdue' WHERE consumer = 'Support.Referrals.Consumers.Chronology.ReferralDecisionOverdueChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.referral-decision-escalated' WHERE consumer = 'Support.Referrals.Consumers.Chronology.ReferralDecisionEscalatedChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.referral-reclassified' WHERE consumer = 'Support.Referrals.Consumers.Chronology.ReferralReclassifiedChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.s47-stage-reached' WHERE consumer = 'Support.Referrals.Consumers.Chronology.S47StageReachedChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.s47-stage-overdue' WHERE consumer = 'Support.Referrals.Consumers.Chronology.S47StageOverdueChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.strategy-meeting-finalised' WHERE consumer = 'Support.Referrals.Consumers.Chronology.StrategyMeetingFinalisedChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.strategy-action-completed' WHERE consumer = 'Support.Referrals.Consumers.Chronology.StrategyActionCompletedChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.strategy-action-overdue' WHERE consumer = 'Support.Referrals.Consumers.Chronology.StrategyActionOverdueChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.organised-abuse-suspected' WHERE consumer = 'Support.Referrals.Consumers.Chronology.OrganisedAbuseSuspectedChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.young-person-registered' WHERE consumer = 'Support.Referrals.Consumers.Chronology.YoungPersonRegisteredChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.young-person-details-corrected' WHERE consumer = 'Support.Referrals.Consumers.Chronology.YoungPersonDetailsCorrectedChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.police-outcome-recorded' WHERE consumer = 'Support.Referrals.Consumers.Chronology.PoliceOutcomeRecordedChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.risk-level-changed' WHERE consumer = 'Support.Referrals.Consumers.Chronology.RiskLevelChangedChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.legal-flag-raised' WHERE consumer = 'Support.Referrals.Consumers.Chronology.LegalFlagRaisedChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.risk-review-opened' WHERE consumer = 'Support.Referrals.Consumers.Chronology.RiskReviewOpenedChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.risk-review-completed' WHERE consumer = 'Support.Referrals.Consumers.Chronology.RiskReviewCompletedChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.risk-review-overdue' WHERE consumer = 'Support.Referrals.Consumers.Chronology.RiskReviewOverdueChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.missing-episode-reported' WHERE consumer = 'Support.Referrals.Consumers.Chronology.MissingEpisodeReportedChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.young-person-returned' WHERE consumer = 'Support.Referrals.Consumers.Chronology.YoungPersonReturnedChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.return-interview-completed' WHERE consumer = 'Support.Referrals.Consumers.Chronology.ReturnInterviewCompletedChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.return-interview-overdue' WHERE consumer = 'Support.Referrals.Consumers.Chronology.ReturnInterviewOverdueChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.return-interview-not-held' WHERE consumer = 'Support.Referrals.Consumers.Chronology.ReturnInterviewNotHeldChronologyConsumer'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'chronology.repeat-missing-detected' WHERE consumer = 'Support.Referrals.Consumers.Chronology.RepeatMissingDetectedChronologyConsumer'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.StartS47PathwayOnReferralDecided' WHERE consumer = 's47.start-pathway-on-referral-decided'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.OpenCaseOnReferralDecided' WHERE consumer = 'cases.open-on-referral-decided'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.ReturnInterviewCompletedConsumer' WHERE consumer = 'risk-reviews.open-on-return-interview-completed'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.RepeatMissingDetectedConsumer' WHERE consumer = 'risk-reviews.open-on-repeat-missing-detected'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.OutreachConcernRaisedConsumer' WHERE consumer = 'risk-reviews.outreach-concern-raised'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.MissingEpisodeReportedConsumer' WHERE consumer = 'risk-reviews.missing-episode-reported'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.OutreachConcernRaisedChronologyConsumer' WHERE consumer = 'chronology.outreach-concern-raised'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.HandoverAlertRaisedChronologyConsumer' WHERE consumer = 'chronology.handover-alert-raised'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.PersonalAdviserAllocatedChronologyConsumer' WHERE consumer = 'chronology.personal-adviser-allocated'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.SupportContinuedPast18ChronologyConsumer' WHERE consumer = 'chronology.support-continued-past18'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.UnmetNeedRecordedChronologyConsumer' WHERE consumer = 'chronology.unmet-need-recorded'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.CaseOpenedChronologyConsumer' WHERE consumer = 'chronology.case-opened'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.KeyWorkerAssignedChronologyConsumer' WHERE consumer = 'chronology.key-worker-assigned'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.CaseTransferredChronologyConsumer' WHERE consumer = 'chronology.case-transferred'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.CaseClosedChronologyConsumer' WHERE consumer = 'chronology.case-closed'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.ReferralReceivedChronologyConsumer' WHERE consumer = 'chronology.referral-received'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.ReferralDecidedChronologyConsumer' WHERE consumer = 'chronology.referral-decided'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.ReferralDecisionOverdueChronologyConsumer' WHERE consumer = 'chronology.referral-decision-overdue'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.ReferralDecisionEscalatedChronologyConsumer' WHERE consumer = 'chronology.referral-decision-escalated'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.ReferralReclassifiedChronologyConsumer' WHERE consumer = 'chronology.referral-reclassified'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.S47StageReachedChronologyConsumer' WHERE consumer = 'chronology.s47-stage-reached'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.S47StageOverdueChronologyConsumer' WHERE consumer = 'chronology.s47-stage-overdue'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.StrategyMeetingFinalisedChronologyConsumer' WHERE consumer = 'chronology.strategy-meeting-finalised'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.StrategyActionCompletedChronologyConsumer' WHERE consumer = 'chronology.strategy-action-completed'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.StrategyActionOverdueChronologyConsumer' WHERE consumer = 'chronology.strategy-action-overdue'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.OrganisedAbuseSuspectedChronologyConsumer' WHERE consumer = 'chronology.organised-abuse-suspected'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.YoungPersonRegisteredChronologyConsumer' WHERE consumer = 'chronology.young-person-registered'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.YoungPersonDetailsCorrectedChronologyConsumer' WHERE consumer = 'chronology.young-person-details-corrected'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.PoliceOutcomeRecordedChronologyConsumer' WHERE consumer = 'chronology.police-outcome-recorded'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.RiskLevelChangedChronologyConsumer' WHERE consumer = 'chronology.risk-level-changed'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.LegalFlagRaisedChronologyConsumer' WHERE consumer = 'chronology.legal-flag-raised'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.RiskReviewOpenedChronologyConsumer' WHERE consumer = 'chronology.risk-review-opened'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.RiskReviewCompletedChronologyConsumer' WHERE consumer = 'chronology.risk-review-completed'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.RiskReviewOverdueChronologyConsumer' WHERE consumer = 'chronology.risk-review-overdue'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.MissingEpisodeReportedChronologyConsumer' WHERE consumer = 'chronology.missing-episode-reported'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.YoungPersonReturnedChronologyConsumer' WHERE consumer = 'chronology.young-person-returned'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.ReturnInterviewCompletedChronologyConsumer' WHERE consumer = 'chronology.return-interview-completed'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.ReturnInterviewOverdueChronologyConsumer' WHERE consumer = 'chronology.return-interview-overdue'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.ReturnInterviewNotHeldChronologyConsumer' WHERE consumer = 'chronology.return-interview-not-held'");
            migrationBuilder.Sql("UPDATE referrals.inbox_messages SET consumer = 'Support.Referrals.Consumers.Chronology.RepeatMissingDetectedChronologyConsumer' WHERE consumer = 'chronology.repeat-missing-detected'");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_dead",
                schema: "referrals",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_pending",
                schema: "referrals",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_sent_at",
                schema: "referrals",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_inbox_messages_processed_at",
                schema: "referrals",
                table: "inbox_messages");

            migrationBuilder.DropColumn(
                name: "dead_at",
                schema: "referrals",
                table: "outbox_messages");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                schema: "referrals",
                table: "outbox_messages",
                column: "sequence",
                filter: "sent_at IS NULL");
        }
    }
}
