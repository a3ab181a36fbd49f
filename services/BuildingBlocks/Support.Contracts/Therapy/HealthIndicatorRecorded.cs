using MassTransit;
using Support.Contracts.Risk;

namespace Support.Contracts.Therapy;

/// <summary>
/// A health indicator was recorded for a young person (THR-08): Referrals turns it into a risk review trigger
/// (REF-16). Carries the risk indicators it maps to, so consumers never re-derive them, and the basis on which it
/// was shared; never clinical notes.
/// </summary>
[MessageUrn("support:therapy:health-indicator-recorded:v1")]
public sealed record HealthIndicatorRecorded
{
    public required Guid HealthIndicatorId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required HealthIndicatorType Type { get; init; }
    public required IReadOnlyList<RiskIndicator> RiskIndicators { get; init; }
    /// <summary>The young person's age on the day it happened, when known (an under-13 pregnancy is VeryHigh, REF-14).</summary>
    public int? AgeAtEvent { get; init; }
    /// <summary><c>Consent</c> or <c>SafeguardingOverride</c>.</summary>
    public required string SharingBasis { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
