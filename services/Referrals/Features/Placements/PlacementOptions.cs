namespace Support.Referrals.Features.Placements;

/// <summary>
/// REF-26 parameter (configuration section <c>Placements</c>): residential care "should include a time limit" (Imray
/// §4.9), so its review-by date can be at most this many days after the placement began. The brief gives no figure;
/// 90 days follows the three-month LAC review of <c>LacReviewSchedule</c> (Part I).
/// </summary>
public sealed class PlacementOptions
{
    public const string Section = "Placements";

    public int ResidentialReviewWithinDays { get; set; } = 90;

    public bool IsValid() => ResidentialReviewWithinDays is >= 1 and <= 366;
}
