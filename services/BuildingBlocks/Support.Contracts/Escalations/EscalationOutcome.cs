namespace Support.Contracts.Escalations;

/// <summary>REF-21: what the reviewer's written response decided. Travels as a string; add values at the end only.</summary>
public enum EscalationOutcome
{
    /// <summary>The decision stands; the response says why.</summary>
    DecisionUpheld,
    /// <summary>The decision is changed; the response says what happens now.</summary>
    DecisionChanged,
    /// <summary>Referred further up (to the Case Review Sub Committee or the safeguarding partnership).</summary>
    ReferredHigher,
}
