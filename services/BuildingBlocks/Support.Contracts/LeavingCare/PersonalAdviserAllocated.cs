using MassTransit;

namespace Support.Contracts.LeavingCare;

/// <summary>A personal adviser was allocated to a young person (LC-03).</summary>
[MessageUrn("support:leaving-care:personal-adviser-allocated:v1")]
public sealed record PersonalAdviserAllocated
{
    public required Guid YoungPersonId { get; init; }
    public required string Adviser { get; init; }
    public string? PreviousAdviser { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
