using Support.Messaging.Inbox;
using Support.Contracts.Referrals;
using Support.Referrals.Data;
using Support.Referrals.Domain.Chronology;
using static Support.Referrals.Consumers.Chronology.ChronologyText;

namespace Support.Referrals.Consumers.Chronology;

[InboxName("chronology.referral-received")]
public sealed class ReferralReceivedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<ReferralReceivedChronologyConsumer> logger)
    : ChronologyConsumer<ReferralReceived>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(ReferralReceived m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.ReferralReceived,
            $"{(m.IsReReferral ? "Re-referral" : "Referral")} {m.ReferralId} received from {m.ReferrerRole}: {m.CseType}, priority {m.Priority}, "
            + $"indicators {Codes(m.Indicators)}; decision due by {At(m.DecisionDueAt)}.",
            new ChronologyAuthor(m.RecordedBy, m.RecordedByRole), m.ReferralId),
    ];
}

[InboxName("chronology.referral-decided")]
public sealed class ReferralDecidedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<ReferralDecidedChronologyConsumer> logger)
    : ChronologyConsumer<ReferralDecided>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(ReferralDecided m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.ReferralDecided,
            $"Referral {m.ReferralId} decided: {m.Outcome}{(m.DecidedLate ? " (decided late, after its deadline)" : "")}.",
            new ChronologyAuthor(m.RecordedBy, m.RecordedByRole), m.ReferralId),
    ];
}

[InboxName("chronology.referral-decision-overdue")]
public sealed class ReferralDecisionOverdueChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<ReferralDecisionOverdueChronologyConsumer> logger)
    : ChronologyConsumer<ReferralDecisionOverdue>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(ReferralDecisionOverdue m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.ReferralDecisionOverdue,
            $"Missed deadline: referral {m.ReferralId} was not decided by {At(m.DecisionDueAt)}.",
            ChronologyAuthor.Service(ReferralsService), m.ReferralId),
    ];
}

[InboxName("chronology.referral-decision-escalated")]
public sealed class ReferralDecisionEscalatedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<ReferralDecisionEscalatedChronologyConsumer> logger)
    : ChronologyConsumer<ReferralDecisionEscalated>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(ReferralDecisionEscalated m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.ReferralDecisionEscalated,
            $"Escalated to a senior manager: referral {m.ReferralId}, due by {At(m.DecisionDueAt)}, was still undecided at {At(m.EscalatesAt)} (REF-04).",
            ChronologyAuthor.Service(ReferralsService), m.ReferralId),
    ];
}

/// <summary>REF-02: a reclassification is its own entry, old and new values side by side, never a silent edit.</summary>
[InboxName("chronology.referral-reclassified")]
public sealed class ReferralReclassifiedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<ReferralReclassifiedChronologyConsumer> logger)
    : ChronologyConsumer<ReferralReclassified>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(ReferralReclassified m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.ReferralReclassified,
            $"Referral {m.ReferralId} reclassified from {m.FromCseType} ({m.FromPriority}) to {m.ToCseType} ({m.ToPriority}); "
            + $"requested by {m.RequestedBy}, approved by {m.ApprovedBy}; original referrer {m.OriginalReferrer} ({m.OriginalReferrerRole}).",
            new ChronologyAuthor(m.ApprovedBy, null), m.ReferralId),
    ];
}

[InboxName("chronology.s47-stage-reached")]
public sealed class S47StageReachedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<S47StageReachedChronologyConsumer> logger)
    : ChronologyConsumer<S47StageReached>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(S47StageReached m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.S47StageReached,
            $"s47 pathway {m.PathwayId}: {(m.FromStage is { } from ? $"from {from} to " : "")}{m.ToStage}"
            + $"{(m.NextDueAt is { } due ? $"; next stage due by {At(due)}" : "")}.",
            new ChronologyAuthor(m.RecordedBy, m.RecordedByRole), m.PathwayId),
    ];
}

/// <summary>REF-10, REF-28: a missed s47 stage deadline is on the child's record, not only on a list.</summary>
[InboxName("chronology.s47-stage-overdue")]
public sealed class S47StageOverdueChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<S47StageOverdueChronologyConsumer> logger)
    : ChronologyConsumer<S47StageOverdue>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(S47StageOverdue m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.S47StageOverdue,
            $"Missed deadline: s47 pathway {m.PathwayId} was still at {m.Stage} after {At(m.DueAt)}"
            + $"{(m.VeryHigh ? " (VeryHigh risk: a calendar-hours deadline)" : "")}."
            + (m.OutOfHours ? m.OnCallManager is { } manager ? $" Out of hours: routed to on-call manager {manager}." : " Out of hours: no manager was on the on-call rota." : ""),
            ChronologyAuthor.Service(ReferralsService), m.PathwayId),
    ];
}

/// <summary>
/// REF-12: a meeting about several children writes each child's own decisions and actions into that child's
/// chronology. Other children are counted, never named, in a child's entry.
/// </summary>
[InboxName("chronology.strategy-meeting-finalised")]
public sealed class StrategyMeetingFinalisedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<StrategyMeetingFinalisedChronologyConsumer> logger)
    : ChronologyConsumer<StrategyMeetingFinalised>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(StrategyMeetingFinalised m)
    {
        // A child named twice gets one entry with everything decided for them.
        var children = m.Children.GroupBy(c => c.YoungPersonId).Select(g => new StrategyMeetingChild
        {
            YoungPersonId = g.Key, Decisions = [.. g.SelectMany(c => c.Decisions)], Actions = [.. g.SelectMany(c => c.Actions)],
        }).ToList();
        return children.Select(child => new ChronologyDraft(
            child.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.StrategyMeetingFinalised,
            $"Strategy meeting {m.MeetingId} held {At(m.HeldAt)}, chaired by {m.ChairId} ({m.ChairGrade})"
            + $"{(m.OrganisedOrMultipleAbuse ? ", organised or multiple abuse" : "")}"
            + $"{(children.Count > 1 ? $", about {children.Count} children" : "")}: "
            + $"{child.Decisions.Count} decision(s) and {child.Actions.Count} action(s) for this young person.",
            new ChronologyAuthor(m.RecordedBy, null), m.MeetingId, Detail(child)));
    }

    private static string? Detail(StrategyMeetingChild child)
    {
        var lines = new List<string>();
        lines.AddRange(child.Decisions.Select(d => $"Decision: {d}"));
        lines.AddRange(child.Actions.Select(a => $"Action {a.ActionId}: {a.Description} (owner {a.Owner}, due by {At(a.DueAt)})"));
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }
}

[InboxName("chronology.strategy-action-completed")]
public sealed class StrategyActionCompletedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<StrategyActionCompletedChronologyConsumer> logger)
    : ChronologyConsumer<StrategyActionCompleted>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(StrategyActionCompleted m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.StrategyActionCompleted,
            $"Strategy meeting action {m.ActionId} (meeting {m.MeetingId}) completed{(m.CompletedLate ? " late, after its due date" : "")}.",
            new ChronologyAuthor(m.RecordedBy, null), m.ActionId),
    ];
}

/// <summary>COM-10: a moved due date is on the child's record, with the date first agreed.</summary>
[InboxName("chronology.strategy-action-deferred")]
public sealed class StrategyActionDeferredChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<StrategyActionDeferredChronologyConsumer> logger)
    : ChronologyConsumer<StrategyActionDeferred>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(StrategyActionDeferred m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.StrategyActionDeferred,
            $"Strategy meeting action {m.ActionId} (meeting {m.MeetingId}) slipped: due {At(m.FromDueAt)}, now {At(m.ToDueAt)} "
            + $"(agreed for {At(m.OriginalDueAt)}; deferred {m.Deferrals} time{(m.Deferrals == 1 ? "" : "s")}).",
            new ChronologyAuthor(m.RecordedBy, null), m.ActionId),
    ];
}

/// <summary>REF-11: an agreed action not done on time is on the child's record.</summary>
[InboxName("chronology.strategy-action-overdue")]
public sealed class StrategyActionOverdueChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<StrategyActionOverdueChronologyConsumer> logger)
    : ChronologyConsumer<StrategyActionOverdue>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(StrategyActionOverdue m) =>
    [
        new(m.YoungPersonId, m.OccurredAt, ReferralsService, ChronologyEntryKind.StrategyActionOverdue,
            $"Missed deadline: action {m.ActionId} from strategy meeting {m.MeetingId} was not done by {At(m.DueAt)}.",
            ChronologyAuthor.Service(ReferralsService), m.ActionId),
    ];
}

/// <summary>REF-13: each linked child's chronology shows the suspicion; the link value stays in Referrals.</summary>
[InboxName("chronology.organised-abuse-suspected")]
public sealed class OrganisedAbuseSuspectedChronologyConsumer(ReferralsDbContext db, TimeProvider clock, ILogger<OrganisedAbuseSuspectedChronologyConsumer> logger)
    : ChronologyConsumer<OrganisedAbuseSuspected>(db, clock, logger)
{
    protected override IEnumerable<ChronologyDraft> Project(OrganisedAbuseSuspected m) =>
        m.YoungPersonIds.Distinct().Select(id => new ChronologyDraft(
            id, m.OccurredAt, ReferralsService, ChronologyEntryKind.OrganisedAbuseSuspected,
            $"Organised or multiple abuse suspected: linked by {m.LinkKind} with {m.YoungPersonIds.Distinct().Count() - 1} other young person(s) (network {m.NetworkId}).",
            ChronologyAuthor.Service(ReferralsService), m.NetworkId));
}
