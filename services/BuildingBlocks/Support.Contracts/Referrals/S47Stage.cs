namespace Support.Contracts.Referrals;

/// <summary>The standard s47 pathway (domain brief §4.2, Imray §4.3) as states (REF-10).</summary>
public enum S47Stage
{
    ReasonableCause,
    EnquiriesCommenced,
    StrategyMeetingHeld,
    InvestigationAssessment,
    ChildProtectionConferenceConsidered,
    CpPlan,
    ChildInNeedPlan,
    NoFurtherAction,
}
