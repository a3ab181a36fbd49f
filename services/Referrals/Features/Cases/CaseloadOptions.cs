using Support.Contracts.Risk;

namespace Support.Referrals.Features.Cases;

/// <summary>
/// COM-08 parameters (configuration section <c>Caseloads</c>): how much each open case weighs by the young person's
/// current risk level, and the weighted caseload above which a team manager is alerted. An unrated case weighs as a
/// Medium one: it is work, and its risk is not yet known to be low.
/// </summary>
public sealed class CaseloadOptions
{
    public const string Section = "Caseloads";

    public int LowWeight { get; set; } = 1;
    public int MediumWeight { get; set; } = 2;
    public int HighWeight { get; set; } = 3;
    public int VeryHighWeight { get; set; } = 4;
    /// <summary>A worker whose weighted caseload is above this is over the threshold (for example 10 High cases and 1 Low is 31).</summary>
    public int WeightedThreshold { get; set; } = 30;

    public int WeightOf(RiskLevel? level) => level switch
    {
        RiskLevel.VeryHigh => VeryHighWeight,
        RiskLevel.High => HighWeight,
        RiskLevel.Low => LowWeight,
        _ => MediumWeight,
    };

    public bool IsValid() => LowWeight >= 1 && LowWeight <= MediumWeight && MediumWeight <= HighWeight && HighWeight <= VeryHighWeight
        && VeryHighWeight <= 20 && WeightedThreshold is >= 1 and <= 1000;
}
