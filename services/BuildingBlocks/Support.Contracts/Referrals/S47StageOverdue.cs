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
    /// <summary>Announced outside office hours (REF-28): then it is routed to the on-call manager.</summary>
    public required bool OutOfHours { get; init; }
    /// <summary>The on-call manager's user id it was routed to; null in office hours, or when nobody was on the rota.</summary>
    public string? OnCallManager { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
