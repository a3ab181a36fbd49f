namespace Support.Contracts.Risk;

/// <summary>CSE risk levels (domain brief §4.7). Ordered: a higher value is a higher risk.</summary>
public enum RiskLevel
{
    Low,
    Medium,
    High,
    VeryHigh,
}
