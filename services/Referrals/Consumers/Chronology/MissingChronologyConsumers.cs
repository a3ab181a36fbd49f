using Support.Messaging.Inbox;
using Support.Contracts.Missing;
using Support.Referrals.Data;
using Support.Referrals.Domain.Chronology;
using static Support.Referrals.Consumers.Chronology.ChronologyText;

namespace Support.Referrals.Consumers.Chronology;

// MIS-07: every Missing event lands in the young person's single chronology, missed interview deadlines included (MIS-02).

[InboxName("chronology.missing-episode-reported")]
public sealed class MissingEpisodeReportedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<MissingEpisodeReportedChronologyConsumer> logger)
    : ChronologyConsumer<MissingEpisodeReported>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(MissingEpisodeReported m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, MissingService, ChronologyEntryKind.MissingEpisodeReported,
            $"Reported missing from {m.MissingFrom}: last seen {At(m.LastSeenAt)}, reported {At(m.ReportedAt)} (episode {m.EpisodeId}).",
            ChronologyAuthor.Service(MissingService), m.EpisodeId),
    ];
}

[InboxName("chronology.young-person-returned")]
public sealed class YoungPersonReturnedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<YoungPersonReturnedChronologyConsumer> logger)
    : ChronologyConsumer<YoungPersonReturned>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(YoungPersonReturned m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, MissingService, ChronologyEntryKind.YoungPersonReturned,
            $"Returned {At(m.ReturnedAt)} (episode {m.EpisodeId}); return-home interview {m.InterviewId} due by {At(m.InterviewDueAt)}.",
            ChronologyAuthor.Service(MissingService), m.EpisodeId),
    ];
}

[InboxName("chronology.return-interview-completed")]
public sealed class ReturnInterviewCompletedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<ReturnInterviewCompletedChronologyConsumer> logger)
    : ChronologyConsumer<ReturnInterviewCompleted>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(ReturnInterviewCompleted m)
    {
        // Locations and the disclosure summary are carried only where the recorded sharing basis allows (MIS-03).
        var detail = new List<string>();
        if (m.Locations.Count > 0)
        {
            detail.Add($"Locations: {string.Join("; ", m.Locations)}");
        }
        if (!string.IsNullOrWhiteSpace(m.DisclosureSummary))
        {
            detail.Add($"Disclosure: {m.DisclosureSummary}");
        }
        return
        [
            new(m.YoungPersonId, m.OccurredAt, MissingService, ChronologyEntryKind.ReturnInterviewCompleted,
                $"Return-home interview {m.InterviewId} completed {At(m.CompletedAt)} (episode {m.EpisodeId}): indicators {Codes(m.Indicators)}; "
                + $"disclosure made: {YesNo(m.DisclosureMade)}; sharing basis {m.SharingBasis}.",
                ChronologyAuthor.Service(MissingService), m.InterviewId, detail.Count == 0 ? null : string.Join('\n', detail)),
        ];
    }
}

[InboxName("chronology.return-interview-overdue")]
public sealed class ReturnInterviewOverdueChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<ReturnInterviewOverdueChronologyConsumer> logger)
    : ChronologyConsumer<ReturnInterviewOverdue>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(ReturnInterviewOverdue m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, MissingService, ChronologyEntryKind.ReturnInterviewOverdue,
            $"Missed deadline: return-home interview {m.InterviewId} (episode {m.EpisodeId}) was not completed by {At(m.DueAt)}.",
            ChronologyAuthor.Service(MissingService), m.InterviewId),
    ];
}

[InboxName("chronology.return-interview-not-held")]
public sealed class ReturnInterviewNotHeldChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<ReturnInterviewNotHeldChronologyConsumer> logger)
    : ChronologyConsumer<ReturnInterviewNotHeld>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(ReturnInterviewNotHeld m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, MissingService, ChronologyEntryKind.ReturnInterviewNotHeld,
            $"Return-home interview {m.InterviewId} (episode {m.EpisodeId}) not held: {m.Outcome}.",
            ChronologyAuthor.Service(MissingService), m.InterviewId),
    ];
}

[InboxName("chronology.repeat-missing-detected")]
public sealed class RepeatMissingDetectedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<RepeatMissingDetectedChronologyConsumer> logger)
    : ChronologyConsumer<RepeatMissingDetected>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(RepeatMissingDetected m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, MissingService, ChronologyEntryKind.RepeatMissingDetected,
            $"Repeat missing: {m.EpisodeIds.Count} episodes within {m.WindowDays} days (episodes {Codes(m.EpisodeIds)}).",
            ChronologyAuthor.Service(MissingService), SourceRecordId: null),
    ];
}
