using Support.Contracts.Risk;

namespace Support.Referrals.Domain.Risk;

/// <summary>
/// What a referral, assessment or review says about a young person: the inputs of the risk rule table. Who recorded
/// it is deliberately not here (REF-01): the rules cannot see the referrer.
/// </summary>
/// <param name="Indicators">Indicators from the §4.7 list.</param>
/// <param name="AgeOnEventDate">The child's age on the date of the event (REF-07), or null if the date of birth is unknown.</param>
/// <param name="SexualActivity">Sexual activity involving the child was recorded.</param>
/// <param name="DisclosureOfAssault">The child disclosed an assault.</param>
/// <param name="MissingEpisodesInLast90Days">Missing episodes in the last 90 days, as known to this service.</param>
public sealed record RiskFacts(
    IReadOnlyCollection<RiskIndicator> Indicators,
    int? AgeOnEventDate,
    bool SexualActivity = false,
    bool DisclosureOfAssault = false,
    int MissingEpisodesInLast90Days = 0);
