namespace Support.Contracts.Referrals;

/// <summary>
/// What the police decided about an allegation concerning a young person (REF-09). None of these values closes a
/// referral or a case or lowers a risk level: social care reaches its own decision, on its own, lower, burden of proof.
/// </summary>
public enum PoliceOutcomeKind
{
    NoFurtherAction,
    NoCharge,
    InsufficientEvidence,
    Charged,
    Cautioned,
    StillUnderInvestigation,
}
