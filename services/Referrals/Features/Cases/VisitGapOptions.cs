using Support.Contracts.Risk;

namespace Support.Referrals.Features.Cases;

/// <summary>
/// REF-23 parameter (configuration section <c>VisitGaps</c>): the most days allowed without face-to-face contact, by the
/// young person's current risk level. The brief leaves N to configuration; these defaults tighten with risk, and an
/// unrated case is held to the Low gap rather than to none.
/// </summary>
public sealed class VisitGapOptions
{
    public const string Section = "VisitGaps";

    public int VeryHighDays { get; set; } = 7;
    public int HighDays { get; set; } = 14;
    public int MediumDays { get; set; } = 28;
    public int LowDays { get; set; } = 42;

    public int DaysFor(RiskLevel? level) => level switch
    {
        RiskLevel.VeryHigh => VeryHighDays,
        RiskLevel.High => HighDays,
        RiskLevel.Medium => MediumDays,
        _ => LowDays,
    };

    public bool IsValid() => VeryHighDays >= 1 && VeryHighDays <= HighDays && HighDays <= MediumDays && MediumDays <= LowDays && LowDays <= 366;
}
