using Support.Contracts.Referrals;
using Support.Contracts.Risk;
using Support.Referrals.Domain.Referrals;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Referrals;

/// <summary>How the young person was found or registered for this referral.</summary>
public sealed record YoungPersonLink(Guid Id, bool RegisteredNow, bool MatchedExisting, IReadOnlyList<string> MatchedOn);

/// <summary>An earlier referral of the same young person (REF-20), with its outcome and the workers on it.</summary>
public sealed record EarlierReferral(
    Guid Id, LondonTime ReceivedAt, string ReceivedBy, CseType CseType, ReferralPriority Priority,
    ReferralOutcome? Outcome, string? DecidedBy, LondonTime? DecidedAt);

public sealed record ReReferralInfo(bool IsReReferral, int CountInLast12Months, bool ManagerReviewRequired, IReadOnlyList<EarlierReferral> EarlierReferrals);

public sealed record DecisionResponse(
    Guid Id, ReferralOutcome Outcome, string Rationale, bool Late, LondonTime DecidedAt, string DecidedBy, string DecidedByRole, Guid? Corrects)
{
    public static DecisionResponse From(ReferralDecision d) =>
        new(d.Id, d.Outcome, d.Rationale, d.Late, LondonTime.Of(d.DecidedAt), d.DecidedBy, d.DecidedByRole, d.CorrectsId);
}

public sealed record S47DecisionResponse(Guid Id, bool S47Required, string Rationale, Guid? Supersedes, LondonTime RecordedAt, string RecordedBy, string RecordedByRole)
{
    public static S47DecisionResponse From(S47Decision d) =>
        new(d.Id, d.S47Required, d.Rationale, d.SupersedesId, LondonTime.Of(d.RecordedAt), d.RecordedBy, d.RecordedByRole);
}

public sealed record ReclassificationResponse(
    Guid Id, ReclassificationStatus Status, CseType FromCseType, CseType ToCseType, ReferralPriority FromPriority,
    ReferralPriority ToPriority, string? Rationale, LondonTime RequestedAt, string RequestedBy, string RequestedByRole,
    bool? Approved, string? ResolvedBy, LondonTime? ResolvedAt, string? ResolutionNote)
{
    public static ReclassificationResponse From(Reclassification r) => new(
        r.Id, r.Status, r.FromCseType, r.ToCseType, r.FromPriority, r.ToPriority, r.Rationale, LondonTime.Of(r.RequestedAt), r.RequestedBy,
        r.RequestedByRole, r.Resolution?.Approved, r.Resolution?.ResolvedBy, LondonTime.Of(r.Resolution?.ResolvedAt), r.Resolution?.Note);
}

public sealed record ReferralResponse(
    Guid Id,
    YoungPersonLink YoungPerson,
    ReferrerRole ReferrerRole,
    string? ReferrerOrganisation,
    Guid? SupportLineConversationId,
    CseType CseType,
    CseType OriginalCseType,
    ResponsePathway ResponsePathway,
    bool AdultInvolved,
    IReadOnlyList<RiskIndicator> Indicators,
    bool SexualActivity,
    bool DisclosureOfAssault,
    LondonTime OccurredAt,
    int AgeOnConcernDate,
    string Narrative,
    ReferralPriority Priority,
    ReferralPriority OriginalPriority,
    IReadOnlyList<string> PriorityReasons,
    RiskLevel RiskLevel,
    string RuleTableVersion,
    bool ReasonableCause,
    IReadOnlyList<LegalFlag> LegalFlags,
    LondonTime DecisionDue,
    bool Overdue,
    TimeSpan? OverdueBy,
    LondonTime EscalatesAt,
    bool Escalated,
    ReReferralInfo ReReferral,
    DecisionResponse? Decision,
    IReadOnlyList<S47DecisionResponse> S47Decisions,
    IReadOnlyList<ReclassificationResponse> Reclassifications,
    LondonTime ReceivedAt,
    string ReceivedBy,
    string ReceivedByRole)
{
    public static ReferralResponse From(Referral r, DateTimeOffset now, IReadOnlyList<EarlierReferral> earlier, YoungPersonLink? link = null) => new(
        r.Id,
        link ?? new YoungPersonLink(r.YoungPersonId, false, false, []),
        r.ReferrerRole,
        r.ReferrerOrganisation,
        r.SupportLineConversationId,
        r.CseType,
        r.OriginalCseType,
        ResponsePathways.For(r.CseType),
        r.AdultInvolved,
        r.Indicators,
        r.SexualActivity,
        r.DisclosureOfAssault,
        LondonTime.Of(r.ConcernOccurredAt),
        r.AgeOnConcernDate,
        r.Narrative,
        r.Priority,
        r.OriginalPriority,
        r.PriorityReasons,
        r.RiskLevel,
        r.RuleTableVersion,
        r.ReasonableCause,
        r.LegalFlags,
        LondonTime.Of(r.DecisionDueAt),
        r.IsOverdue(now),
        r.IsOverdue(now) ? now - r.DecisionDueAt : null,
        LondonTime.Of(r.EscalatesAt),
        r.IsEscalated(now),
        new ReReferralInfo(r.IsReReferral, r.ReReferralsInLast12Months, r.ManagerReviewRequired, earlier),
        r.Decision is { } d ? DecisionResponse.From(d) : null,
        r.S47Decisions.OrderBy(s => s.RecordedAt).Select(S47DecisionResponse.From).ToList(),
        r.Reclassifications.OrderBy(c => c.RequestedAt).Select(ReclassificationResponse.From).ToList(),
        LondonTime.Of(r.ReceivedAt),
        r.ReceivedBy,
        r.ReceivedByRole);
}

/// <summary>A row of a list: enough to triage, with the deadline and how late it is.</summary>
/// <remarks><c>EscalatesAt</c> is when an undecided referral goes to a senior manager; <c>Escalated</c> says it has (REF-04).</remarks>
public sealed record ReferralSummary(
    Guid Id, Guid YoungPersonId, CseType CseType, ReferralPriority Priority, bool ReasonableCause, bool ManagerReviewRequired,
    LondonTime ReceivedAt, LondonTime DecisionDue, bool Decided, bool Overdue, TimeSpan? OverdueBy, int? OverdueByHours,
    LondonTime EscalatesAt, bool Escalated)
{
    public static ReferralSummary From(Referral r, DateTimeOffset now)
    {
        TimeSpan? by = r.IsOverdue(now) ? now - r.DecisionDueAt : null;
        return new(r.Id, r.YoungPersonId, r.CseType, r.Priority, r.ReasonableCause, r.ManagerReviewRequired, LondonTime.Of(r.ReceivedAt),
            LondonTime.Of(r.DecisionDueAt), r.DecidedAt is not null, r.IsOverdue(now), by, by is { } b ? (int)b.TotalHours : null,
            LondonTime.Of(r.EscalatesAt), r.IsEscalated(now));
    }
}
