namespace Support.Referrals;

/// <summary>Part I parameters for the s47 pathway, strategy meetings and organised abuse (configuration section <c>S47</c>).</summary>
public sealed class S47Options
{
    public const string Section = "S47";

    /// <summary><c>StrategyDiscussionDeadline</c>: working days from the reasonable-cause decision.</summary>
    public int StrategyDiscussionWorkingDays { get; set; } = 1;

    /// <summary><c>StrategyDiscussionDeadline</c> when the young person's current risk is <c>VeryHigh</c>: calendar hours (REF-28).</summary>
    public int StrategyDiscussionVeryHighHours { get; set; } = 4;

    /// <summary><c>AssessmentDeadline</c>: working days from the referral (the reasonable-cause decision).</summary>
    public int AssessmentWorkingDays { get; set; } = 45;

    /// <summary><c>InitialCpConferenceDeadline</c>: working days from the strategy discussion.</summary>
    public int InitialCpConferenceWorkingDays { get; set; } = 15;

    /// <summary>REF-13: this many young people sharing a link make a network of organised or multiple abuse.</summary>
    public int OrganisedAbuseThreshold { get; set; } = 2;

    /// <summary>A threshold of 1 would flag every link; zero deadlines would make everything late at once.</summary>
    public bool IsValid() =>
        StrategyDiscussionWorkingDays >= 1 && StrategyDiscussionVeryHighHours >= 1 && AssessmentWorkingDays >= 1
        && InitialCpConferenceWorkingDays >= 1 && OrganisedAbuseThreshold >= 2;
}
