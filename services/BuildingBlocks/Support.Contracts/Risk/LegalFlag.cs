namespace Support.Contracts.Risk;

/// <summary>Legal age flags derived from the child's age on the date of the event (REF-07, brief §4.4).</summary>
public enum LegalFlag
{
    /// <summary>Sexual activity, pregnancy, termination, miscarriage or STI recorded for a child under 16.</summary>
    UnlawfulSexualActivityChildVictim,
    /// <summary>As above for a child under 13: no capacity to consent under any circumstances.</summary>
    Under13NoCapacityToConsent,
}
