using MassTransit;

namespace Support.Contracts.Referrals;

/// <summary>
/// Information about a young person was recorded on another young person's record and tagged to them (REF-19: "There
/// is important information about individual children held on the files of other children"). The tagged child's
/// chronology gets an entry pointing back to the source; what it says stays in Referrals, behind the source's access.
/// </summary>
[MessageUrn("support:referrals:cross-reference-recorded:v1")]
public sealed record CrossReferenceRecorded
{
    public required Guid CrossReferenceId { get; init; }
    /// <summary>The young person the information is about (the tagged one).</summary>
    public required Guid YoungPersonId { get; init; }
    /// <summary>The young person on whose record the information is held.</summary>
    public required Guid SourceYoungPersonId { get; init; }
    /// <summary>What kind of record holds it, such as <c>case-note</c> or <c>return-interview</c>.</summary>
    public required string SourceKind { get; init; }
    /// <summary>The key workers of the tagged child's open cases when it was recorded, who are told.</summary>
    public required IReadOnlyList<string> KeyWorkers { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
