namespace Support.Contracts.Registry;

/// <summary>
/// Why a partner outside the case team may see one young person's record (REC-11, issue 16): the information-sharing
/// protocol says which kinds each partner role's access may come from.
/// </summary>
public enum SharingRelationshipKind
{
    /// <summary>The young person is placed with this carer.</summary>
    Placement,
    /// <summary>The young person attends the school this safeguarding lead is responsible for.</summary>
    School,
    /// <summary>This partner made a referral about the young person (recorded by the service, never by hand).</summary>
    ReferralMade,
    /// <summary>An explicit, time-limited grant by a social worker or manager.</summary>
    Grant,
    /// <summary>
    /// This partner was invited to contribute to an assessment of the young person (REF-17; recorded by the service,
    /// ended when the invitation is answered).
    /// </summary>
    AssessmentInvitation,
}
