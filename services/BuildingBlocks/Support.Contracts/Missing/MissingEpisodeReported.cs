using MassTransit;

namespace Support.Contracts.Missing;

/// <summary>A young person was reported missing (MIS-01). No free text: circumstances stay in the Missing service.</summary>
[MessageUrn("support:missing:missing-episode-reported:v1")]
public sealed record MissingEpisodeReported
{
    public required Guid EpisodeId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required MissingFrom MissingFrom { get; init; }
    public required DateTimeOffset LastSeenAt { get; init; }
    public required DateTimeOffset ReportedAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
