using Support.Contracts.Risk;

namespace Support.Referrals.Domain.Risk;

/// <summary>
/// The risk level in force for a young person now, and what set it. The history lives in the assessments and reviews
/// that set it (each append-only); this row only answers "what is the level today" for deadlines such as REF-28's
/// calendar hours for <c>VeryHigh</c>.
/// </summary>
public sealed class CurrentRiskLevel
{
    private CurrentRiskLevel() { }

    public Guid YoungPersonId { get; private init; }
    public RiskLevel Level { get; private set; }
    public RiskLevel SuggestedLevel { get; private set; }
    public List<RiskIndicator> Indicators { get; private set; } = [];
    public string RuleTableVersion { get; private set; } = "";
    /// <summary>The assessment or review that set the level.</summary>
    public Guid SourceId { get; private set; }
    public DateTimeOffset SetAt { get; private set; }

    public static CurrentRiskLevel First(Guid youngPersonId, RiskLevel level, RiskRuleResult rules, Guid sourceId, DateTimeOffset at) =>
        new CurrentRiskLevel { YoungPersonId = youngPersonId }.Set(level, rules, sourceId, at);

    public CurrentRiskLevel Set(RiskLevel level, RiskRuleResult rules, Guid sourceId, DateTimeOffset at)
    {
        Level = level;
        SuggestedLevel = rules.SuggestedLevel;
        Indicators = [.. rules.ContributingIndicators];
        RuleTableVersion = rules.Version;
        SourceId = sourceId;
        SetAt = at;
        return this;
    }
}
