using Support.Contracts.Placements;

namespace Support.Referrals.Domain.Placements;

public static class PlacementRules
{
    /// <summary>
    /// Settings where the child lives with other young people placed there (REF-26): admission checks the current
    /// residents' risk to others, and the placement needs a review-by date.
    /// </summary>
    public static bool IsResidential(this PlacementType type) =>
        type is PlacementType.Residential or PlacementType.Secure or PlacementType.Hostel or PlacementType.OutOfArea;

    /// <summary>Chosen or changed for cost or shortage: recorded as unmet need (REF-26, COM-05).</summary>
    public static bool IsCostOrShortage(this PlacementReason reason) =>
        reason is PlacementReason.CostConstraint or PlacementReason.NoFosterPlacementAvailable;
}
