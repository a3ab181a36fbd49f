namespace Support.Missing;

/// <summary>Part I parameters for this service (configuration section <c>Missing</c>).</summary>
public sealed class MissingOptions
{
    public const string Section = "Missing";

    /// <summary><c>RepeatMissingThreshold</c>: this many episodes...</summary>
    public int RepeatThreshold { get; set; } = 3;

    /// <summary>...whose <c>lastSeenAt</c> falls within this many days trigger <c>RepeatMissingDetected</c> (MIS-04).</summary>
    public int RepeatWindowDays { get; set; } = 90;

    /// <summary>
    /// MIS-04: this many episodes whose <c>lastSeenAt</c> falls within <see cref="StrategyDecisionWindowDays"/> days ask
    /// a manager to decide whether to hold a strategy meeting (a manager task in Referrals). A rule of its own beside
    /// Part I's risk-review rule (3 in 90 days), which stays as it is: the issue and MIS-04 say 30 days for this one.
    /// </summary>
    public int StrategyDecisionThreshold { get; set; } = 3;

    public int StrategyDecisionWindowDays { get; set; } = 30;

    /// <summary><c>ReturnHomeInterviewDeadline</c>: elapsed hours from the return (MIS-02).</summary>
    public int ReturnInterviewDeadlineHours { get; set; } = 72;

    /// <summary>How often the overdue job looks for interviews past their deadline.</summary>
    public TimeSpan OverdueCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// COM-09 "an entry recorded more than N ... after it happened is flagged": a return recorded more than this many
    /// hours after it happened is flagged late. 24 hours: by then a third of the 72-hour interview clock has gone.
    /// </summary>
    public int LateRecordingHours { get; set; } = 24;

    public TimeSpan LateRecording => TimeSpan.FromHours(LateRecordingHours);

    public TimeSpan ReturnInterviewDeadline => TimeSpan.FromHours(ReturnInterviewDeadlineHours);

    /// <summary>A threshold of 1 would call every episode a repeat; a zero window or deadline would make everything late.</summary>
    public bool IsValid() =>
        RepeatThreshold >= 2 && RepeatWindowDays >= 1 && StrategyDecisionThreshold >= 2 && StrategyDecisionWindowDays >= 1 && ReturnInterviewDeadlineHours >= 1 && LateRecordingHours >= 1 && OverdueCheckInterval > TimeSpan.Zero;
}
