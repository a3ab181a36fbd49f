namespace Support.Referrals.Domain.StrategyMeetings;

/// <summary>
/// The management grade of a strategy meeting's chair, ordered: a higher value is more senior. REF-11 needs the grade
/// on every record ("it is not stated ... who was chairing or the level of their seniority", Imray §4.7); REF-13 needs
/// <see cref="ServiceManager"/> or above for organised or multiple abuse.
/// </summary>
public enum Grade
{
    TeamManager,
    ServiceManager,
    HeadOfService,
    Director,
}
