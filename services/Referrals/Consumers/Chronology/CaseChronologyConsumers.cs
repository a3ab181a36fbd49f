using Support.Messaging.Inbox;
using Support.Contracts.Cases;
using Support.Referrals.Data;
using Support.Referrals.Domain.Chronology;
using static Support.Referrals.Consumers.Chronology.ChronologyText;

namespace Support.Referrals.Consumers.Chronology;

[InboxName("chronology.case-opened")]
public sealed class CaseOpenedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<CaseOpenedChronologyConsumer> logger)
    : ChronologyConsumer<CaseOpened>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(CaseOpened m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.CaseOpened,
            $"Case {m.CaseId} opened with lead team {m.LeadTeam}{(m.ReferralId is { } referral ? $" from referral {referral}" : "")}.",
            new ChronologyAuthor(m.RecordedBy, null), m.CaseId),
    ];
}

[InboxName("chronology.key-worker-assigned")]
public sealed class KeyWorkerAssignedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<KeyWorkerAssignedChronologyConsumer> logger)
    : ChronologyConsumer<KeyWorkerAssigned>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(KeyWorkerAssigned m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.KeyWorkerAssigned,
            $"Key worker {m.KeyWorker} assigned to case {m.CaseId}{(m.PreviousKeyWorker is { } previous ? $", replacing {previous}" : "")}.",
            new ChronologyAuthor(m.RecordedBy, null), m.CaseId),
    ];
}

/// <summary>REF-23: the child's record shows when their case was left without a key worker.</summary>
[InboxName("chronology.key-worker-allocation-ended")]
public sealed class KeyWorkerAllocationEndedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<KeyWorkerAllocationEndedChronologyConsumer> logger)
    : ChronologyConsumer<KeyWorkerAllocationEnded>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(KeyWorkerAllocationEnded m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.KeyWorkerAllocationEnded,
            $"Key worker {m.KeyWorker} stopped holding case {m.CaseId} with no successor: the case is unallocated.",
            new ChronologyAuthor(m.RecordedBy, null), m.CaseId),
    ];
}

/// <summary>REF-23: the child's record shows every visit and contact, and whether it was face to face.</summary>
[InboxName("chronology.case-visit-recorded")]
public sealed class CaseVisitRecordedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<CaseVisitRecordedChronologyConsumer> logger)
    : ChronologyConsumer<CaseVisitRecorded>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(CaseVisitRecorded m) =>
    [
        new(m.YoungPersonId, m.VisitedAt, ReferralsService, ChronologyEntryKind.CaseVisitRecorded,
            $"{(m.FaceToFace ? "Face-to-face visit" : "Contact, not face to face,")} on case {m.CaseId} at {At(m.VisitedAt)}.",
            new ChronologyAuthor(m.RecordedBy, null), m.VisitId),
    ];
}

/// <summary>REF-18, REC-06: the child's record shows each supervision, who gave it and whether the hypothesis was challenged.</summary>
[InboxName("chronology.case-supervision-recorded")]
public sealed class CaseSupervisionRecordedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<CaseSupervisionRecordedChronologyConsumer> logger)
    : ChronologyConsumer<CaseSupervisionRecorded>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(CaseSupervisionRecorded m) =>
    [
        new(m.YoungPersonId, m.SupervisedAt, ReferralsService, ChronologyEntryKind.CaseSupervisionRecorded,
            $"Case {m.CaseId} supervised by {m.Supervisor} ({m.SupervisorRole}, {(m.SocialWorkRegistered ? "social-work registered" : "not social-work registered")}); "
            + $"the working hypothesis was {(m.HypothesisChallenged ? "challenged" : "not challenged")}.",
            new ChronologyAuthor(m.Supervisor, m.SupervisorRole), m.SupervisionId),
    ];
}

/// <summary>REF-23: the child's record shows each gap in face-to-face contact that passed what their risk allows.</summary>
[InboxName("chronology.visit-gap-alert-raised")]
public sealed class VisitGapAlertRaisedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<VisitGapAlertRaisedChronologyConsumer> logger)
    : ChronologyConsumer<VisitGapAlertRaised>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(VisitGapAlertRaised m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.VisitGapAlertRaised,
            $"Visit gap on case {m.CaseId}: no face-to-face contact "
            + (m.LastFaceToFaceAt is { } last ? $"since {At(last)}" : "since the case opened")
            + $", more than the {m.GapDays} days allowed at {(m.RiskLevel is { } level ? $"{level} risk" : "an unrated risk")} (due by {At(m.DueAt)}).",
            ChronologyAuthor.Service(ReferralsService), m.CaseId),
    ];
}

[InboxName("chronology.case-transferred")]
public sealed class CaseTransferredChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<CaseTransferredChronologyConsumer> logger)
    : ChronologyConsumer<CaseTransferred>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(CaseTransferred m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.CaseTransferred,
            $"Case {m.CaseId} transferred from {m.FromTeam} to {m.ToTeam}, approved by {m.ApprovedBy}.",
            new ChronologyAuthor(m.ApprovedBy, null), m.CaseId),
    ];
}

/// <summary>A closure is always an entry of its own, signed by the manager who approved it (REF-25).</summary>
[InboxName("chronology.case-closed")]
public sealed class CaseClosedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<CaseClosedChronologyConsumer> logger)
    : ChronologyConsumer<CaseClosed>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(CaseClosed m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.CaseClosed,
            $"Case {m.CaseId} closed, approved by {m.ApprovedBy}.",
            new ChronologyAuthor(m.ApprovedBy, null), m.CaseId),
    ];
}
