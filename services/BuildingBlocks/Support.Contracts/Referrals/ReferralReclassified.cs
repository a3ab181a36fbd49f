using MassTransit;

namespace Support.Contracts.Referrals;

/// <summary>
/// An approved reclassification of a referral took effect (REF-02). The original referrer is named so they can be
/// told; old and new values are both carried, and the history keeps both for ever.
/// </summary>
[MessageUrn("support:referrals:referral-reclassified:v1")]
public sealed record ReferralReclassified
{
    public required Guid ReferralId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required CseType FromCseType { get; init; }
    public required CseType ToCseType { get; init; }
    public required ReferralPriority FromPriority { get; init; }
    public required ReferralPriority ToPriority { get; init; }
    /// <summary>The referrer's user id, to be notified.</summary>
    public required string OriginalReferrer { get; init; }
    public required ReferrerRole OriginalReferrerRole { get; init; }
    public required string RequestedBy { get; init; }
    public required string ApprovedBy { get; init; }
    /// <summary>Why it was reclassified, as the requester wrote it, so the referrer is told the reason and not only the result (REF-02, OUT-04).</summary>
    public string? Rationale { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
