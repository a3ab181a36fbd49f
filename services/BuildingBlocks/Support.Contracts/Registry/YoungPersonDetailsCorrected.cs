using MassTransit;

namespace Support.Contracts.Registry;

/// <summary>
/// A correction entry was appended to a young person's registered details (REC-05). Projections replace the
/// values they hold; the Referrals service keeps the full history.
/// </summary>
[MessageUrn("support:registry:young-person-details-corrected:v1")]
public sealed record YoungPersonDetailsCorrected
{
    public required Guid YoungPersonId { get; init; }
    public required Guid CorrectionId { get; init; }
    /// <summary>Version of the details after the correction; projections ignore a version older than the one they hold.</summary>
    public required int Version { get; init; }
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
