namespace Support.Contracts.Referrals;

/// <summary>Who referred (domain brief §4.7). Kept for reports only; never an input to priority (REF-01).</summary>
public enum ReferrerRole
{
    OutreachWorker,
    SocialWorker,
    Parent,
    School,
    ChildrensCentre,
    Police,
    Health,
    ResidentialUnit,
    FosterCarer,
    VoluntarySector,
    YoungPersonSelf,
    Anonymous,
    Licensing,
    Public,
}
