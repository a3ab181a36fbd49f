using Support.Referrals.Domain.CriticalIncidents;

namespace Support.Referrals.Features.CriticalIncidents;

/// <summary>
/// REF-22 parameters (configuration section <c>CriticalIncidents</c>). The brief leaves the acknowledgement deadline to
/// configuration; the default is 24 elapsed hours, because a critical incident raised on a Friday evening must not
/// wait for Monday (REF-28: protective action never waits for a weekend). Set the unit to <c>WorkingDays</c> to count
/// on the England and Wales working-day calendar instead.
/// </summary>
public sealed class CriticalIncidentOptions
{
    public const string Section = "CriticalIncidents";

    public int AcknowledgementDeadline { get; set; } = 24;

    public DeadlineUnit AcknowledgementDeadlineUnit { get; set; } = DeadlineUnit.Hours;

    public AcknowledgementDeadline Deadline => new(AcknowledgementDeadline, AcknowledgementDeadlineUnit);

    public bool IsValid() =>
        AcknowledgementDeadline >= 1
        && (AcknowledgementDeadlineUnit == DeadlineUnit.Hours ? AcknowledgementDeadline <= 24 * 14 : AcknowledgementDeadline <= 20);
}
