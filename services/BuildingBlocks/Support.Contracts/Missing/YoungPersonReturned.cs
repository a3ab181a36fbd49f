using MassTransit;

namespace Support.Contracts.Missing;

/// <summary>A missing young person returned; a return-home interview is now due (MIS-02).</summary>
[MessageUrn("support:missing:young-person-returned:v1")]
public sealed record YoungPersonReturned
{
    public required Guid EpisodeId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required DateTimeOffset ReturnedAt { get; init; }
    public required Guid InterviewId { get; init; }
    public required DateTimeOffset InterviewDueAt { get; init; }
    /// <summary>COM-09: the return was recorded later than the allowed time after it happened (the 72 hours still run from the return).</summary>
    public bool RecordedLate { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
