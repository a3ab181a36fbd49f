using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Deadlines;

/// <summary>
/// "Due today" for the manager's lists (issue 14, journey 3): a deadline not yet passed that falls before the end of the
/// current London calendar day, on the injected clock. What has already passed is on the overdue list instead, so the
/// two lists never overlap. The day is London's (23 or 25 hours long on the clock-change days), never UTC's.
/// </summary>
public static class DueToday
{
    /// <summary>[now, start of tomorrow in London): a deadline inside it is due today and not yet missed.</summary>
    public static (DateTimeOffset From, DateTimeOffset Until) Window(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return (now, London.DayOf(London.DateOf(now)).To);
    }

    public const string BothGiven = "Give 'overdue=true' or 'dueToday=true', not both: the two lists never overlap.";
}
