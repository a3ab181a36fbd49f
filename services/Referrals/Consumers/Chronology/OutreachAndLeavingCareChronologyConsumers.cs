using Support.Messaging.Inbox;
using Support.Contracts.LeavingCare;
using Support.Contracts.Outreach;
using Support.Contracts.UnmetNeeds;
using Support.Referrals.Data;
using Support.Referrals.Domain.Chronology;
using static Support.Referrals.Consumers.Chronology.ChronologyText;

namespace Support.Referrals.Consumers.Chronology;

[InboxName("chronology.outreach-concern-raised")]
public sealed class OutreachConcernRaisedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<OutreachConcernRaisedChronologyConsumer> logger)
    : ChronologyConsumer<OutreachConcernRaised>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(OutreachConcernRaised m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, OutreachService, ChronologyEntryKind.OutreachConcernRaised,
            $"Outreach concern {m.ConcernId} raised: indicators {Codes(m.Indicators)}.",
            new ChronologyAuthor(m.RaisedBy, null), m.ConcernId),
    ];
}

[InboxName("chronology.handover-alert-raised")]
public sealed class HandoverAlertRaisedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<HandoverAlertRaisedChronologyConsumer> logger)
    : ChronologyConsumer<HandoverAlertRaised>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(HandoverAlertRaised m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, LeavingCareService, ChronologyEntryKind.HandoverAlertRaised,
            $"{m.Kind} handover alert {m.AlertId} raised ahead of the 18th birthday on {Date(m.EighteenthBirthday)}, "
            + $"{(m.Recipient is { } recipient ? $"sent to {recipient}" : "sent to the team queue")}.",
            ChronologyAuthor.Service(LeavingCareService), m.AlertId),
    ];
}

[InboxName("chronology.personal-adviser-allocated")]
public sealed class PersonalAdviserAllocatedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<PersonalAdviserAllocatedChronologyConsumer> logger)
    : ChronologyConsumer<PersonalAdviserAllocated>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(PersonalAdviserAllocated m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, LeavingCareService, ChronologyEntryKind.PersonalAdviserAllocated,
            $"Personal adviser {m.Adviser} allocated{(m.PreviousAdviser is { } previous ? $", replacing {previous}" : "")}.",
            new ChronologyAuthor(m.RecordedBy, null), SourceRecordId: null),
    ];
}

/// <summary>LC-02: turning 18 is recorded as support continuing, never as an end.</summary>
[InboxName("chronology.support-continued-past18")]
public sealed class SupportContinuedPast18ChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<SupportContinuedPast18ChronologyConsumer> logger)
    : ChronologyConsumer<SupportContinuedPast18>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(SupportContinuedPast18 m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, LeavingCareService, ChronologyEntryKind.SupportContinuedPast18,
            $"Turned 18 on {Date(m.EighteenthBirthday)}: support continues, available until {Date(m.SupportAvailableUntil)}"
            + $"{(m.PersonalAdviser is { } adviser ? $"; personal adviser {adviser}" : "")}.",
            ChronologyAuthor.Service(LeavingCareService), SourceRecordId: null),
    ];
}

[InboxName("chronology.unmet-need-recorded")]
public sealed class UnmetNeedRecordedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<UnmetNeedRecordedChronologyConsumer> logger)
    : ChronologyConsumer<UnmetNeedRecorded>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(UnmetNeedRecorded m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, m.RecordedByService, ChronologyEntryKind.UnmetNeedRecorded,
            $"Unmet need {m.UnmetNeedId}: {m.NeedCategory} not met ({m.Reason}), recorded by {m.RecordedByService}.",
            new ChronologyAuthor(m.RecordedBy, null), m.UnmetNeedId),
    ];
}

/// <summary>COM-05: the need an earlier entry recorded as unmet was met, and when (the earlier entry stays as it was).</summary>
[InboxName("chronology.unmet-need-resolved")]
public sealed class UnmetNeedResolvedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<UnmetNeedResolvedChronologyConsumer> logger)
    : ChronologyConsumer<UnmetNeedResolved>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(UnmetNeedResolved m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, m.ResolvedByService, ChronologyEntryKind.UnmetNeedResolved,
            $"Unmet need {m.UnmetNeedId} met on {m.ResolvedOn:yyyy-MM-dd}, recorded by {m.ResolvedByService}.",
            new ChronologyAuthor(m.RecordedBy, null), m.UnmetNeedId),
    ];
}
