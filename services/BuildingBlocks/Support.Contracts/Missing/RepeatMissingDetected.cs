using MassTransit;

namespace Support.Contracts.Missing;

/// <summary>The repeat-missing threshold was reached (Part I: 3 episodes within 90 days); Referrals opens a risk review.</summary>
[MessageUrn("support:missing:repeat-missing-detected:v1")]
public sealed record RepeatMissingDetected
{
    public required Guid YoungPersonId { get; init; }
    public required IReadOnlyList<Guid> EpisodeIds { get; init; }
    public required int WindowDays { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
