namespace Support.Contracts.Escalations;

/// <summary>
/// REF-21: what kind of decision a professional escalation challenges. New values are added at the end and never
/// renamed (they travel as strings).
/// </summary>
public enum EscalatedDecisionKind
{
    /// <summary>A referral decision (no further action, reclassification, threshold not met).</summary>
    ReferralDecision,
    /// <summary>A risk level set or lowered.</summary>
    RiskLevel,
    /// <summary>A strategy discussion or meeting decision, or an s47 outcome.</summary>
    StrategyDecision,
    /// <summary>A case closed or stepped down.</summary>
    CaseClosure,
    /// <summary>An allocation, or the lack of one.</summary>
    Allocation,
    /// <summary>A refusal to share information (REC-11: "the reason can be escalated").</summary>
    ShareRefusal,
    /// <summary>Any other decision: an escalation is never refused because its kind is not listed.</summary>
    Other,
}
