namespace Support.Outreach;

/// <summary>The Part I parameters the Outreach service uses (all configurable under "Outreach").</summary>
public sealed class OutreachOptions
{
    public const string Section = "Outreach";

    /// <summary>OUT-01, COM-09: a contact recorded more than this many hours after it happened is flagged late.</summary>
    public int LateRecordingHours { get; set; } = 48;

    public TimeSpan LateRecordingAfter => TimeSpan.FromHours(LateRecordingHours);

    /// <summary>Part I <c>OutreachNoContactAlert</c> (OUT-06): days without contact before a High or VeryHigh young person's worker is alerted.</summary>
    public int NoContactAlertDays { get; set; } = 14;

    public TimeSpan NoContactAlertAfter => TimeSpan.FromDays(NoContactAlertDays);

    /// <summary>How often the no-contact pass runs.</summary>
    public TimeSpan NoContactCheckInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>OUT-06: within this many months of the last disclosure, only a manager may end an involvement.</summary>
    public int EndNeedsManagerWithinMonths { get; set; } = 12;

    public bool IsValid() => LateRecordingHours >= 1 && NoContactAlertDays >= 1 && NoContactCheckInterval > TimeSpan.Zero && EndNeedsManagerWithinMonths >= 0;
}
