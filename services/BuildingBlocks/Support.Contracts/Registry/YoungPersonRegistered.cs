using MassTransit;

namespace Support.Contracts.Registry;

/// <summary>
/// A young person was added to the registry in the Referrals service. Carries only what other contexts need to
/// build their own projection (age-driven deadlines, a display name for staff screens, the recorded gender and
/// ethnicity their reports break down by); never phone numbers.
/// </summary>
[MessageUrn("support:registry:young-person-registered:v1")]
public sealed record YoungPersonRegistered
{
    public required Guid YoungPersonId { get; init; }
    public required DateOnly DateOfBirth { get; init; }
    public required string DisplayName { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>
    /// The recorded gender category, so that reports can show who services reach (OUT-10); a self-description itself
    /// stays in Referrals. Null from a sender older than this field: projections count it as "not recorded", never guess.
    /// </summary>
    public GenderCategory? Gender { get; init; }
    /// <summary>Ethnicity as the young person described it (free text, OUT-10); null when not recorded.</summary>
    public string? Ethnicity { get; init; }
}
