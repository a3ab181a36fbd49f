namespace Support.Outreach;

/// <summary>The Part I parameters the Outreach service uses (all configurable under "Outreach").</summary>
public sealed class OutreachOptions
{
    public const string Section = "Outreach";

    /// <summary>OUT-01, COM-09: a contact recorded more than this many hours after it happened is flagged late.</summary>
    public int LateRecordingHours { get; set; } = 48;

    public TimeSpan LateRecordingAfter => TimeSpan.FromHours(LateRecordingHours);

    public bool IsValid() => LateRecordingHours >= 1;
}
