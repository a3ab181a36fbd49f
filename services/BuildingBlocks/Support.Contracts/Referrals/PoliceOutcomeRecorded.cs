using MassTransit;

namespace Support.Contracts.Referrals;

/// <summary>
/// A police outcome was recorded on a young person's record (REF-09). It is information for social care, not a
/// decision: no consumer may close a referral or case, or lower a risk level, because of it. A correction is a new
/// record whose <see cref="Corrects"/> names the one it replaces. The crime reference and any note stay in Referrals.
/// </summary>
[MessageUrn("support:referrals:police-outcome-recorded:v1")]
public sealed record PoliceOutcomeRecorded
{
    public required Guid PoliceOutcomeId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public Guid? ReferralId { get; init; }
    public Guid? CaseId { get; init; }
    public required PoliceOutcomeKind Outcome { get; init; }
    /// <summary>The date the police reached the outcome (a UK date), not when it was recorded.</summary>
    public required DateOnly OutcomeOn { get; init; }
    /// <summary>The police outcome record this one corrects, if it is a correction.</summary>
    public Guid? Corrects { get; init; }
    public required string RecordedBy { get; init; }
    public required string RecordedByRole { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
