namespace Support.Missing;

/// <summary>Part I parameters for this service (configuration section <c>Missing</c>).</summary>
public sealed class MissingOptions
{
    public const string Section = "Missing";

    /// <summary><c>RepeatMissingThreshold</c>: this many episodes...</summary>
    public int RepeatThreshold { get; set; } = 3;

    /// <summary>...whose <c>lastSeenAt</c> falls within this many days trigger <c>RepeatMissingDetected</c> (MIS-04).</summary>
    public int RepeatWindowDays { get; set; } = 90;

    /// <summary><c>ReturnHomeInterviewDeadline</c>: elapsed hours from the return (MIS-02).</summary>
    public int ReturnInterviewDeadlineHours { get; set; } = 72;

    /// <summary>How often the overdue job looks for interviews past their deadline.</summary>
    public TimeSpan OverdueCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan ReturnInterviewDeadline => TimeSpan.FromHours(ReturnInterviewDeadlineHours);

    /// <summary>A threshold of 1 would call every episode a repeat; a zero window or deadline would make everything late.</summary>
    public bool IsValid() =>
        RepeatThreshold >= 2 && RepeatWindowDays >= 1 && ReturnInterviewDeadlineHours >= 1 && OverdueCheckInterval > TimeSpan.Zero;
}
