namespace Support.Contracts.Incidents;

/// <summary>
/// REF-22: what makes an incident critical. New values are added at the end and never renamed (they travel as strings).
/// </summary>
public enum CriticalIncidentKind
{
    /// <summary>An allegation of rape or sexual assault.</summary>
    RapeOrSexualAssaultAllegation,
    /// <summary>A hospital admission for overdose or self-harm.</summary>
    OverdoseOrSelfHarmAdmission,
    /// <summary>A threat to kill, or a weapon.</summary>
    ThreatToKillOrWeapon,
    /// <summary>A pregnancy under 16 (also REF-07).</summary>
    PregnancyUnder16,
    /// <summary>A high-risk child missing for more than the configured hours.</summary>
    HighRiskMissing,
    /// <summary>Injuries recorded on return from a missing episode (MIS-04).</summary>
    InjuriesOnReturn,
    /// <summary>A carer logged contact with someone on the child's must-not-have-contact list (REF-27).</summary>
    ContactWithBarredPerson,
}
