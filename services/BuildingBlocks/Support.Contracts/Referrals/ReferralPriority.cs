namespace Support.Contracts.Referrals;

/// <summary>Priority computed only from what a referral says (REF-01). Ordered: a higher value is more urgent.</summary>
public enum ReferralPriority
{
    Standard,
    Raised,
    Urgent,
    Immediate,
}
