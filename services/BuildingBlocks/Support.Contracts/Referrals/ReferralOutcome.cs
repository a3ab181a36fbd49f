namespace Support.Contracts.Referrals;

/// <summary>Front-door decisions on a referral (REF-03, REF-04, REF-10).</summary>
public enum ReferralOutcome
{
    /// <summary>Reasonable cause to suspect significant harm: the s47 pathway starts (REF-10).</summary>
    S47Enquiry,
    /// <summary>Child in need assessment (s17).</summary>
    ChildInNeedAssessment,
    /// <summary>Allocated to the CSE team for support and risk work.</summary>
    CseCaseOpened,
    /// <summary>Signposted to outreach or the voluntary sector; refused while a reasonable-cause indicator stands without an s47 decision (REF-03).</summary>
    SignpostedToOutreach,
    NoFurtherAction,
}
