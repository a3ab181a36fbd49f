using MassTransit;

namespace Support.Contracts.Missing;

/// <summary>
/// MIS-04 (Casey: "Y is missing every night and is returning home with bites on her body"): a pattern of repeat episodes
/// (3 within 30 days by default, both parameters) asks a manager to decide whether to hold a strategy meeting; Referrals
/// turns it into a manager task. Announced once per crossing of the threshold.
/// </summary>
[MessageUrn("support:missing:strategy-meeting-decision-requested:v1")]
public sealed record StrategyMeetingDecisionRequested
{
    public required Guid YoungPersonId { get; init; }
    public required IReadOnlyList<Guid> EpisodeIds { get; init; }
    public required int Threshold { get; init; }
    public required int WindowDays { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
