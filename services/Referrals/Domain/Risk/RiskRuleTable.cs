using Support.Contracts.Risk;

namespace Support.Referrals.Domain.Risk;

/// <summary>One rule that fired, with the facts that made it fire.</summary>
public sealed record RiskRuleMatch(string RuleId, RiskLevel Level, string Description, IReadOnlyList<RiskIndicator> Indicators);

/// <summary>The rule table's answer: the suggested level, every rule that fired and the indicators behind the level.</summary>
public sealed record RiskRuleResult(
    string Version,
    RiskLevel SuggestedLevel,
    IReadOnlyList<RiskRuleMatch> Matches,
    IReadOnlyList<RiskIndicator> ContributingIndicators,
    IReadOnlyList<LegalFlag> LegalFlags,
    bool ReasonableCause);

/// <summary>
/// The transparent, versioned risk rule table of Part I ("Rules settled", REF-14). Every answer names the version and
/// the rules and indicators that produced it, so a practitioner can see why and challenge it. Changing a rule means a
/// new <see cref="Version"/>; stored assessments keep the version they were computed with.
/// </summary>
public static class RiskRuleTable
{
    public const string Version = "2026.1";

    public const int AgeOfConsent = 16;
    public const int AgeOfNoCapacity = 13;
    public const int RepeatMissingEpisodes = 3;
    public const int OtherIndicatorsForMedium = 3;

    /// <summary>Sexual activity, pregnancy, termination or miscarriage, STI or a sexual-health service (REF-07).</summary>
    public static readonly IReadOnlySet<RiskIndicator> SexualHealthIndicators = new HashSet<RiskIndicator>
    {
        RiskIndicator.Pregnancy, RiskIndicator.TerminationOrMiscarriage, RiskIndicator.Sti, RiskIndicator.SexualHealthServiceUnder13,
    };

    /// <summary>Threats to kill or injure, and injuries on return: VeryHigh at any age.</summary>
    public static readonly IReadOnlySet<RiskIndicator> ViolenceIndicators = new HashSet<RiskIndicator>
    {
        RiskIndicator.ThreatsReceived, RiskIndicator.InjuriesOnReturn,
    };

    /// <summary>
    /// An adult offering gifts, lifts, alcohol or drugs: the grooming pattern of Casey's "A picture in Rotherham".
    /// These indicators are recorded only when an adult is the source, so each counts on its own.
    /// </summary>
    public static readonly IReadOnlySet<RiskIndicator> AdultOfferingIndicators = new HashSet<RiskIndicator>
    {
        RiskIndicator.GiftsMoneyOrAttention, RiskIndicator.DrivenAroundInCars, RiskIndicator.PickedUpByTaxi, RiskIndicator.AlcoholOrDrugsSupplied,
    };

    public static RiskRuleResult Evaluate(RiskFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var indicators = facts.Indicators.Distinct().Order().ToList();
        var sexual = indicators.Where(SexualHealthIndicators.Contains).ToList();
        // A sexual-health service for an under-13 says the child is under 13 even when no date of birth is known.
        var under13 = facts.AgeOnEventDate is < AgeOfNoCapacity || indicators.Contains(RiskIndicator.SexualHealthServiceUnder13);
        var under16 = under13 || facts.AgeOnEventDate is < AgeOfConsent;
        var anySexualItem = facts.SexualActivity || sexual.Count > 0;
        var matches = new List<RiskRuleMatch>();

        if (anySexualItem && under13)
        {
            matches.Add(new("R1", RiskLevel.VeryHigh, "Sexual activity, pregnancy, termination or STI for a child under 13", sexual));
        }
        if (facts.DisclosureOfAssault)
        {
            matches.Add(new("R2", RiskLevel.VeryHigh, "Disclosure of assault", []));
        }
        var violence = indicators.Where(ViolenceIndicators.Contains).ToList();
        if (violence.Count > 0)
        {
            matches.Add(new("R3", RiskLevel.VeryHigh, "Threats to kill or injure, or injuries on return", violence));
        }
        if (anySexualItem && under16 && !under13)
        {
            matches.Add(new("R4", RiskLevel.High, "Sexual activity, pregnancy, termination or STI for a child under 16", sexual));
        }
        var offering = indicators.Where(AdultOfferingIndicators.Contains).ToList();
        if (offering.Count > 0)
        {
            matches.Add(new("R5", RiskLevel.High, "An adult offering gifts, lifts, alcohol or drugs", offering));
        }
        if (facts.MissingEpisodesInLast90Days >= RepeatMissingEpisodes)
        {
            matches.Add(new("R6", RiskLevel.High, $"{RepeatMissingEpisodes} or more missing episodes in 90 days", []));
        }
        var counted = matches.SelectMany(m => m.Indicators).ToHashSet();
        var others = indicators.Where(i => !counted.Contains(i)).ToList();
        if (others.Count >= OtherIndicatorsForMedium)
        {
            matches.Add(new("R7", RiskLevel.Medium, $"{OtherIndicatorsForMedium} or more other indicators", others));
        }

        var level = matches.Count == 0 ? RiskLevel.Low : matches.Max(m => m.Level);
        var contributing = matches.Where(m => m.Level == level).SelectMany(m => m.Indicators).Distinct().Order().ToList();
        var flags = new List<LegalFlag>();
        if (anySexualItem && under16)
        {
            flags.Add(LegalFlag.UnlawfulSexualActivityChildVictim);
        }
        if (anySexualItem && under13)
        {
            flags.Add(LegalFlag.Under13NoCapacityToConsent);
        }
        // REF-03: any sexual activity involving a child under 16, a disclosure of assault, or an adult offering.
        var reasonableCause = (anySexualItem && under16) || facts.DisclosureOfAssault || offering.Count > 0;
        return new RiskRuleResult(Version, level, matches, contributing, flags, reasonableCause);
    }
}
