namespace Support.Contracts.Placements;

/// <summary>Where a looked-after child lives (domain brief, glossary <c>PlacementType</c>); travels by name.</summary>
public enum PlacementType
{
    Home,
    FosterCare,
    SpecialistFosterCare,
    Residential,
    Secure,
    Hostel,
    SupportedLodgings,
    OutOfArea,
}

/// <summary>Why a placement was chosen or ended (REF-26): cost and shortage are named so that they are counted.</summary>
public enum PlacementReason
{
    AssessedNeed,
    ProtectionFromHarm,
    PlacementBreakdown,
    YoungPersonsWish,
    Emergency,
    /// <summary>Chosen or changed because the right placement cost too much (Casey: "down to money").</summary>
    CostConstraint,
    /// <summary>Chosen or changed because no foster placement was free (Imray §4.9, Child E).</summary>
    NoFosterPlacementAvailable,
}
