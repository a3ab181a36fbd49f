namespace Support.Referrals.Domain.CriticalIncidents;

public enum DeadlineUnit
{
    /// <summary>Elapsed hours: the same length across clock changes and weekends (Part I: "72 hours is elapsed time").</summary>
    Hours,
    /// <summary>Working days of England and Wales (the shared calendar), keeping the London time of day.</summary>
    WorkingDays,
}

/// <summary>
/// REF-22: "needs an acknowledgement within a deadline (parameter)". Either elapsed hours or working days; computed on
/// the server from when the incident was raised.
/// </summary>
public sealed record AcknowledgementDeadline(int Amount, DeadlineUnit Unit)
{
    public DateTimeOffset From(DateTimeOffset raisedAt) => Unit switch
    {
        DeadlineUnit.Hours => raisedAt.ToUniversalTime().AddHours(Amount),
        // The shared calendar (PublicHoliday), not this service's older table.
        DeadlineUnit.WorkingDays => Support.ServiceDefaults.Time.WorkingDays.Add(raisedAt, Amount),
        _ => throw new ArgumentOutOfRangeException(nameof(Unit), Unit, null),
    };

    public string Describe() => Unit == DeadlineUnit.Hours ? $"{Amount} elapsed hours" : $"{Amount} working days";
}
