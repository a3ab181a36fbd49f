using MassTransit;

namespace Support.Contracts.Missing;

/// <summary>A return-home interview passed its 72-hour deadline without being completed (MIS-02): never silent.</summary>
[MessageUrn("support:missing:return-interview-overdue:v1")]
public sealed record ReturnInterviewOverdue
{
    public required Guid InterviewId { get; init; }
    public required Guid EpisodeId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
