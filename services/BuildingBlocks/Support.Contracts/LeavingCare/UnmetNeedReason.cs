namespace Support.Contracts.LeavingCare;

/// <summary>Why a need was not met (COM-05).</summary>
public enum UnmetNeedReason
{
    NotAvailable,
    Waitlisted,
    CriteriaNotMet,
    CostConstraint,
    NoProvider,
    DeclinedByService,
}
