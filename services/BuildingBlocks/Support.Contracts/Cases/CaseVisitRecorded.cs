using MassTransit;

namespace Support.Contracts.Cases;

/// <summary>
/// A visit or contact on a case was recorded (REF-23), so the child's chronology shows every visit, not only the gaps
/// between them. Where it happened and what was noted stay in Referrals.
/// </summary>
[MessageUrn("support:cases:case-visit-recorded:v1")]
public sealed record CaseVisitRecorded
{
    public required Guid VisitId { get; init; }
    public required Guid CaseId { get; init; }
    public required Guid YoungPersonId { get; init; }
    /// <summary>When the visit happened, as the worker recorded it (COM-09).</summary>
    public required DateTimeOffset VisitedAt { get; init; }
    public required bool FaceToFace { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
