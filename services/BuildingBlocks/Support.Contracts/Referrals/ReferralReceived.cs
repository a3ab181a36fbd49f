using MassTransit;
using Support.Contracts.Risk;

namespace Support.Contracts.Referrals;

/// <summary>
/// A referral was received at the front door (REF-01, REF-04, REF-20). The referrer role is carried for reports
/// only: priority and deadline were computed without it.
/// </summary>
[MessageUrn("support:referrals:referral-received:v1")]
public sealed record ReferralReceived
{
    public required Guid ReferralId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required ReferrerRole ReferrerRole { get; init; }
    public required CseType CseType { get; init; }
    public required IReadOnlyList<RiskIndicator> Indicators { get; init; }
    public required ReferralPriority Priority { get; init; }
    public required DateTimeOffset DecisionDueAt { get; init; }
    public required bool IsReReferral { get; init; }
    /// <summary>
    /// The support-line conversation a parent's or carer's report came through (SL-09), so the line can show the duty
    /// worker what became of it; null for every other referral.
    /// </summary>
    public Guid? SupportLineConversationId { get; init; }
    /// <summary>
    /// The young person's age in whole years on the London day the referral was received, for commissioners' demand
    /// reports (COM-06: an adult coming forward). Null from a sender older than this field; reports count it as not known.
    /// </summary>
    public int? AgeAtReferral { get; init; }
    /// <summary>
    /// Their age on the day the concern happened (the referral's own OccurredAt): a first referral at 18 or over about
    /// something that happened before 18 is a historic victim coming forward (COM-06); an under-16 pregnancy is a
    /// trigger (COM-03). Null from an older sender.
    /// </summary>
    public int? AgeOnConcernDate { get; init; }
    public required string RecordedBy { get; init; }
    public required string RecordedByRole { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
