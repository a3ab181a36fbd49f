using MassTransit;

namespace Support.Contracts.Referrals;

/// <summary>An s47 pathway moved to a new stage (REF-10). <see cref="NextDueAt"/> is the next stage's deadline, if any.</summary>
[MessageUrn("support:referrals:s47-stage-reached:v1")]
public sealed record S47StageReached
{
    public required Guid PathwayId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public S47Stage? FromStage { get; init; }
    public required S47Stage ToStage { get; init; }
    public DateTimeOffset? NextDueAt { get; init; }
    public required string RecordedBy { get; init; }
    public required string RecordedByRole { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
