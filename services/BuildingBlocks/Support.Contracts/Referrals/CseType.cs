namespace Support.Contracts.Referrals;

/// <summary>Forms of CSE (domain brief §4.7), each with its own response pathway (REF-05).</summary>
public enum CseType
{
    StreetGrooming,
    OnlineGrooming,
    PeerImageSharing,
    OrganisedGroupOrGang,
    LoneOffenderOpenHouse,
    BoyfriendModel,
    Trafficking,
    IntraFamilial,
    Other,
    /// <summary>Not CSE: what a referral is reclassified to when moved away from CSE (REF-02).</summary>
    NotCse,
}
