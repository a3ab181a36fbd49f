using MassTransit;

namespace Support.Contracts.Registry;

/// <summary>
/// A young person was added to the registry in the Referrals service. Carries only what other contexts need to
/// build their own projection (age-driven deadlines, a display name for staff screens); never phone numbers.
/// </summary>
[MessageUrn("support:registry:young-person-registered:v1")]
public sealed record YoungPersonRegistered
{
    public required Guid YoungPersonId { get; init; }
    public required DateOnly DateOfBirth { get; init; }
    public required string DisplayName { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
