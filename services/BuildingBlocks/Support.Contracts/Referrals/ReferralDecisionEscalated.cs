using MassTransit;

namespace Support.Contracts.Referrals;

/// <summary>
/// A referral is still undecided a further period after its deadline and has gone to a senior manager (REF-04).
/// Published once per referral, after <see cref="ReferralDecisionOverdue"/>.
/// </summary>
[MessageUrn("support:referrals:referral-decision-escalated:v1")]
public sealed record ReferralDecisionEscalated
{
    public required Guid ReferralId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required DateTimeOffset DecisionDueAt { get; init; }
    public required DateTimeOffset EscalatesAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
