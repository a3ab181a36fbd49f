using MassTransit;

namespace Support.Contracts.Referrals;

/// <summary>
/// An s47 pathway stayed at <see cref="Stage"/> past that stage's deadline (REF-10; REF-28 when
/// <see cref="VeryHigh"/>: calendar hours through weekends and holidays). Published once per stage deadline.
/// </summary>
[MessageUrn("support:referrals:s47-stage-overdue:v1")]
public sealed record S47StageOverdue
{
    public required Guid PathwayId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required S47Stage Stage { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required bool VeryHigh { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
