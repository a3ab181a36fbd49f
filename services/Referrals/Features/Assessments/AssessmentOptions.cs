namespace Support.Referrals.Features.Assessments;

/// <summary>
/// REF-17 parameters (configuration section <c>Assessments</c>). The assessment deadline itself is Part I's
/// <c>AssessmentDeadline</c>, <see cref="S47Options.AssessmentWorkingDays"/>, shared with the s47 pathway.
/// </summary>
public sealed class AssessmentOptions
{
    public const string Section = "Assessments";

    /// <summary>"For a looked-after child the next assessment is due 12 months after the last one was completed (parameter)".</summary>
    public int LookedAfterRenewalMonths { get; set; } = 12;

    /// <summary>
    /// Working days the key worker has to make the referral a stated need calls for. The brief sets no figure; 5 matches
    /// Part I's <c>RiskReviewDeadline</c> for work that follows from a record (inference).
    /// </summary>
    public int NeedTaskWorkingDays { get; set; } = 5;

    public bool IsValid() => LookedAfterRenewalMonths is >= 1 and <= 24 && NeedTaskWorkingDays is >= 1 and <= 30;
}
