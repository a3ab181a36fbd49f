using MassTransit;

namespace Support.Contracts.Referrals;

/// <summary>A referral passed its decision deadline undecided (REF-04). Published once per referral.</summary>
[MessageUrn("support:referrals:referral-decision-overdue:v1")]
public sealed record ReferralDecisionOverdue
{
    public required Guid ReferralId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required DateTimeOffset DecisionDueAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
