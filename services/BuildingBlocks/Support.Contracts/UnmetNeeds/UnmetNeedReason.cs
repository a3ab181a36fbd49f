namespace Support.Contracts.UnmetNeeds;

/// <summary>
/// Why a need was not met (COM-05). Moved from <c>Support.Contracts.LeavingCare</c> when the ledger became the whole
/// platform's; it travels as a string, so the move changed nothing on the wire.
/// </summary>
public enum UnmetNeedReason
{
    NotAvailable,
    Waitlisted,
    CriteriaNotMet,
    CostConstraint,
    NoProvider,
    DeclinedByService,
}
