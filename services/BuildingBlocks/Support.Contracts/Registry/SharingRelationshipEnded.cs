using MassTransit;

namespace Support.Contracts.Registry;

/// <summary>A sharing relationship was ended before it lapsed (a placement ended, a grant withdrawn).</summary>
[MessageUrn("support:registry:sharing-relationship-ended:v1")]
public sealed record SharingRelationshipEnded
{
    public required Guid RelationshipId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required DateTimeOffset EndedAt { get; init; }
    public required string EndedBy { get; init; }
    public required string EndedByRole { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
