using Support.Contracts.Referrals;
using Support.Contracts.Risk;
using Support.Referrals.Domain.Risk;

namespace Support.Referrals.Domain.Referrals;

/// <summary>
/// REF-01: a referral's priority comes only from what it says, through the risk rule table, and from the young
/// person's history (REF-20). The referrer is not a parameter of anything here, so it cannot be an input.
/// </summary>
public static class ReferralPriorities
{
    /// <summary>REF-20: a re-referral within this period sets a minimum priority and needs a manager's review.</summary>
    public const int ReReferralWindowMonths = 12;

    /// <summary>REF-20: the minimum priority of a re-referral within <see cref="ReReferralWindowMonths"/>.</summary>
    public const ReferralPriority ReReferralMinimum = ReferralPriority.Raised;

    public static ReferralPriority FromLevel(RiskLevel level) => level switch
    {
        RiskLevel.VeryHigh => ReferralPriority.Immediate,
        RiskLevel.High => ReferralPriority.Urgent,
        RiskLevel.Medium => ReferralPriority.Raised,
        _ => ReferralPriority.Standard,
    };

    /// <summary>The priority and the reasons for it, each reason naming the rule or history that produced it.</summary>
    public static (ReferralPriority Priority, List<string> Reasons) Compute(RiskRuleResult rules, int reReferralsInWindow)
    {
        var priority = FromLevel(rules.SuggestedLevel);
        var reasons = rules.Matches
            .Select(m => $"{m.RuleId} ({m.Level}): {m.Description}" + (m.Indicators.Count > 0 ? $" [{string.Join(", ", m.Indicators)}]" : ""))
            .ToList();
        if (rules.Matches.Count == 0)
        {
            reasons.Add($"No rule of risk rule table {rules.Version} fired: {RiskLevel.Low}");
        }
        if (reReferralsInWindow > 0)
        {
            reasons.Add($"REF-20: re-referral, {reReferralsInWindow} earlier referral(s) in the last {ReReferralWindowMonths} months: at least {ReReferralMinimum}");
            if (priority < ReReferralMinimum)
            {
                priority = ReReferralMinimum;
            }
        }
        return (priority, reasons);
    }
}
