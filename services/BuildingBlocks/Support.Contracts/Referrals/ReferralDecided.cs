using MassTransit;

namespace Support.Contracts.Referrals;

/// <summary>A front-door decision was recorded on a referral (REF-03, REF-04).</summary>
[MessageUrn("support:referrals:referral-decided:v1")]
public sealed record ReferralDecided
{
    public required Guid ReferralId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required ReferralOutcome Outcome { get; init; }
    public required bool DecidedLate { get; init; }
    public required string RecordedBy { get; init; }
    public required string RecordedByRole { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
