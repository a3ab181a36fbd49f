using MassTransit;

namespace Support.Contracts.Missing;

/// <summary>
/// A return-home interview ended without taking place: declined by the young person (with their reason) or not
/// completed (with a reason and a manager's sign-off). Recorded and reported, never silently closed (MIS-02).
/// </summary>
[MessageUrn("support:missing:return-interview-not-held:v1")]
public sealed record ReturnInterviewNotHeld
{
    public required Guid InterviewId { get; init; }
    public required Guid EpisodeId { get; init; }
    public required Guid YoungPersonId { get; init; }
    /// <summary><c>DeclinedByYoungPerson</c> or <c>NotCompleted</c>.</summary>
    public required string Outcome { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
