using Support.Messaging.Inbox;
using Support.Contracts.Risk;
using Support.Referrals.Data;
using Support.Referrals.Domain.Chronology;
using static Support.Referrals.Consumers.Chronology.ChronologyText;

namespace Support.Referrals.Consumers.Chronology;

[InboxName("chronology.risk-level-changed")]
public sealed class RiskLevelChangedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<RiskLevelChangedChronologyConsumer> logger)
    : ChronologyConsumer<RiskLevelChanged>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(RiskLevelChanged m)
    {
        var change = m.PreviousLevel is { } previous
            ? $"{(m.IsDowngrade ? "lowered" : m.NewLevel > previous ? "raised" : "confirmed")} from {previous} to {m.NewLevel}"
            : $"set to {m.NewLevel}";
        var approval = m.ApprovedBy is { } approver ? $"; approved by {approver}" : "";
        return
        [
            new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.RiskLevelChanged,
                $"Risk level {change} (rule table {m.RuleTableVersion} suggested {m.SuggestedLevel} from indicators {Codes(m.Indicators)}){approval}; source {m.SourceId}.",
                new ChronologyAuthor(m.RecordedBy, m.RecordedByRole), m.SourceId),
        ];
    }
}

[InboxName("chronology.legal-flag-raised")]
public sealed class LegalFlagRaisedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<LegalFlagRaisedChronologyConsumer> logger)
    : ChronologyConsumer<LegalFlagRaised>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(LegalFlagRaised m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.LegalFlagRaised,
            $"Legal flag {m.Flag} raised: aged {m.AgeOnEventDate} on the date of the event (source {m.SourceId}).",
            new ChronologyAuthor(m.RecordedBy, null), m.SourceId),
    ];
}

[InboxName("chronology.risk-review-opened")]
public sealed class RiskReviewOpenedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<RiskReviewOpenedChronologyConsumer> logger)
    : ChronologyConsumer<RiskReviewOpened>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(RiskReviewOpened m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.RiskReviewOpened,
            $"Risk review {m.ReviewId} opened (trigger {m.Trigger}), due by {At(m.DueAt)}.",
            ChronologyAuthor.Service(ReferralsService), m.ReviewId),
    ];
}

[InboxName("chronology.risk-review-completed")]
public sealed class RiskReviewCompletedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<RiskReviewCompletedChronologyConsumer> logger)
    : ChronologyConsumer<RiskReviewCompleted>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(RiskReviewCompleted m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.RiskReviewCompleted,
            $"Risk review {m.ReviewId} completed{(m.CompletedLate ? " late, after its due date" : "")}: level {m.Level}, {m.ActionCount} action(s).",
            new ChronologyAuthor(m.RecordedBy, m.RecordedByRole), m.ReviewId),
    ];
}

[InboxName("chronology.risk-review-overdue")]
public sealed class RiskReviewOverdueChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<RiskReviewOverdueChronologyConsumer> logger)
    : ChronologyConsumer<RiskReviewOverdue>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(RiskReviewOverdue m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.RiskReviewOverdue,
            $"Missed deadline: risk review {m.ReviewId} was not completed by {At(m.DueAt)}.",
            ChronologyAuthor.Service(ReferralsService), m.ReviewId),
    ];
}
