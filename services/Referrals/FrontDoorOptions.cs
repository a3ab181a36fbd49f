namespace Support.Referrals;

/// <summary>Front-door settings (REF-04) a council may set; the decision deadline itself is Part I's 1 working day.</summary>
public sealed class FrontDoorOptions
{
    public const string Section = "FrontDoor";

    /// <summary>
    /// REF-04 "escalate to a senior manager after a configurable further period": working days after the decision
    /// deadline. Part I sets no value; 1 working day means a referral received on Monday morning and still undecided
    /// on Wednesday morning is on the senior manager's list.
    /// </summary>
    public int DecisionEscalationWorkingDays { get; set; } = 1;

    /// <summary>Zero would escalate at the deadline itself; more than a month is not an escalation.</summary>
    public bool IsValid() => DecisionEscalationWorkingDays is >= 1 and <= 20;
}
