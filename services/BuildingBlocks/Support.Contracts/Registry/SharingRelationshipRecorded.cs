using MassTransit;

namespace Support.Contracts.Registry;

/// <summary>
/// Referrals recorded that a partner (a carer, a school safeguarding lead, a health partner) has a relationship to a
/// young person that the information-sharing protocol may base access on (REC-11). Every service keeps a copy so it
/// can decide a partner's reads of the young person locally.
/// </summary>
[MessageUrn("support:registry:sharing-relationship-recorded:v1")]
public sealed record SharingRelationshipRecorded
{
    public required Guid RelationshipId { get; init; }
    public required Guid YoungPersonId { get; init; }
    /// <summary>The partner's user id (the token's subject).</summary>
    public required string UserId { get; init; }
    public required SharingRelationshipKind Kind { get; init; }
    public required DateTimeOffset ValidFrom { get; init; }
    /// <summary>When it lapses on its own; a grant always has one.</summary>
    public DateTimeOffset? ValidUntil { get; init; }
    /// <summary>Who recorded it (the social worker or manager; for ReferralMade, the partner who referred) and their role.</summary>
    public required string RecordedBy { get; init; }
    public required string RecordedByRole { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
