using Support.Contracts.SupportLine;
using Support.Messaging.Inbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Chronology;
using static Support.Referrals.Consumers.Chronology.ChronologyText;

namespace Support.Referrals.Consumers.Chronology;

/// <summary>
/// SL-07: a text a worker marked as the young person's views reaches their chronology as a quotation, word for word,
/// with the date they sent it. The one place the chronology carries free text from another service: the young
/// person's own words are the point of the entry.
/// </summary>
[InboxName("chronology.young-person-views-recorded")]
public sealed class YoungPersonViewsRecordedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<YoungPersonViewsRecordedChronologyConsumer> logger)
    : ChronologyConsumer<YoungPersonViewsRecorded>(db, clock, logger)
{
    public const string SupportLineService = "supportline";

    protected override IEnumerable<ChronologyDraft> Project(YoungPersonViewsRecorded m) =>
    [
        new(m.YoungPersonId, m.SaidAt, SupportLineService, ChronologyEntryKind.YoungPersonViewsRecorded,
            $"In their own words ({m.Method}, {At(m.SaidAt)}): \"{m.Words}\"",
            new ChronologyAuthor(m.RecordedBy, null), m.ViewsId),
    ];
}

/// <summary>SL-03: a known young person's text triaged as immediate danger is on their chronology (codes only).</summary>
[InboxName("chronology.supportline-danger-alert-raised")]
public sealed class SupportLineDangerAlertChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<SupportLineDangerAlertChronologyConsumer> logger)
    : ChronologyConsumer<SupportLineDangerAlertRaised>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(SupportLineDangerAlertRaised m) =>
        m.YoungPersonId is not { } youngPersonId
            ? []
            : [
                new(youngPersonId, m.ReceivedAt, YoungPersonViewsRecordedChronologyConsumer.SupportLineService, ChronologyEntryKind.SupportLineDangerAlertRaised,
                    $"Support line text {m.MessageId} triaged as immediate danger (rules {string.Join(", ", m.MatchedRules)}, table {m.TriageTableVersion}): "
                    + $"{string.Join(" and ", m.AlertedRoles)} alerted.",
                    ChronologyAuthor.Service(YoungPersonViewsRecordedChronologyConsumer.SupportLineService), m.MessageId),
            ];
}

/// <summary>SL-02: a known young person's text left unanswered past the target is on their chronology.</summary>
[InboxName("chronology.supportline-message-unanswered")]
public sealed class SupportLineMessageUnansweredChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<SupportLineMessageUnansweredChronologyConsumer> logger)
    : ChronologyConsumer<SupportLineMessageUnanswered>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(SupportLineMessageUnanswered m) =>
        m.YoungPersonId is not { } youngPersonId
            ? []
            : [
                new(youngPersonId, m.OccurredAt, YoungPersonViewsRecordedChronologyConsumer.SupportLineService, ChronologyEntryKind.SupportLineMessageUnanswered,
                    $"Support line text waiting since {At(m.WaitingSince)} not answered within {m.Target.TotalMinutes:0} minutes: escalated to the duty manager.",
                    ChronologyAuthor.Service(YoungPersonViewsRecordedChronologyConsumer.SupportLineService), m.ConversationId),
            ];
}

/// <summary>SL-04: a number reported as a perpetrator's, about a known young person: on their chronology without the number.</summary>
[InboxName("chronology.person-of-concern-number-reported")]
public sealed class PersonOfConcernNumberReportedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<PersonOfConcernNumberReportedChronologyConsumer> logger)
    : ChronologyConsumer<PersonOfConcernNumberReported>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(PersonOfConcernNumberReported m) =>
        m.YoungPersonId is not { } youngPersonId
            ? []
            : [
                new(youngPersonId, m.OccurredAt, YoungPersonViewsRecordedChronologyConsumer.SupportLineService, ChronologyEntryKind.PersonOfConcernNumberReported,
                    $"A phone number was reported to the support line as a person of concern's (report {m.ReportId}); held as intelligence, never a contact number.",
                    new ChronologyAuthor(m.ReportedBy, null), m.ReportId),
            ];
}
