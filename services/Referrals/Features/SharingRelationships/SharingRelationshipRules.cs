using Support.Contracts.Registry;
using Support.ServiceDefaults.Access;

namespace Support.Referrals.Features.SharingRelationships;

/// <summary>What bounds a sharing relationship (REC-11), and the event every service keeps its copy from.</summary>
public static class SharingRelationshipRules
{
    /// <summary>
    /// The longest a grant may run: it lapses within a year so that someone decides again. A standing need is a
    /// placement or a school, not a grant. (Not a domain-brief parameter; a choice recorded in the README.)
    /// </summary>
    public static readonly TimeSpan MaxGrant = TimeSpan.FromDays(366);

    /// <summary>How long making a referral lets a partner follow it up; a longer need is a grant.</summary>
    public static readonly TimeSpan ReferralFollowUp = TimeSpan.FromDays(366);

    public const int ReasonMaxLength = 1000;
    public const int UserIdMaxLength = 200;

    public static SharingRelationshipRecorded Recorded(SharingRelationship relationship, string recordedByRole) => new()
    {
        RelationshipId = relationship.Id,
        YoungPersonId = relationship.YoungPersonId,
        UserId = relationship.UserId,
        Kind = relationship.Kind,
        ValidFrom = relationship.ValidFrom,
        ValidUntil = relationship.ValidUntil,
        RecordedBy = relationship.RecordedBy ?? "",
        RecordedByRole = recordedByRole,
        OccurredAt = relationship.RecordedAt,
    };
}
