using MassTransit;
using Support.Contracts.Risk;

namespace Support.Contracts.Therapy;

/// <summary>
/// A therapy or CAMHS referral was declined (THR-01). The unmet need it created is announced separately
/// (<c>UnmetNeedRecorded</c>, <see cref="UnmetNeedId"/>); Referrals considers a risk review (REF-16). The CSE context is
/// the one the referral carried from the young person's risk level, never typed again.
/// </summary>
[MessageUrn("support:therapy:therapy-referral-declined:v1")]
public sealed record TherapyReferralDeclined
{
    public required Guid ReferralId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required Guid OfferId { get; init; }
    public required OfferType OfferType { get; init; }
    public required TherapyDeclineReason Reason { get; init; }
    /// <summary>Whether the clinician confirmed the CSE history was considered (required for criteria and diagnosis declines).</summary>
    public required bool CseHistoryConsidered { get; init; }
    public RiskLevel? RiskLevel { get; init; }
    public required IReadOnlyList<RiskIndicator> Indicators { get; init; }
    public required Guid UnmetNeedId { get; init; }
    public required string DecidedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
