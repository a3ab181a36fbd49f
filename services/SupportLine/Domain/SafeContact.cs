using System.Globalization;
using Support.ServiceDefaults.Time;

namespace Support.SupportLine.Domain;

/// <summary>
/// A daily window of London wall-clock time in which the young person said they can safely be contacted (SL-03): for
/// example "16:00-21:00", or "22:00-02:00" across midnight. Written and read as <c>HH:mm-HH:mm</c>.
/// </summary>
public readonly record struct SafeWindow(TimeOnly From, TimeOnly To)
{
    public static bool TryParse(string? text, out SafeWindow window)
    {
        window = default;
        var parts = text?.Split('-', StringSplitOptions.TrimEntries);
        if (parts is not { Length: 2 }
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            || from == to)
        {
            return false;
        }
        window = new SafeWindow(from, to);
        return true;
    }

    public bool Contains(TimeOnly time) => From < To ? time >= From && time < To : time >= From || time < To;

    public override string ToString() => $"{From:HH\\:mm}-{To:HH\\:mm}";
}

/// <summary>
/// How a young person said they may be contacted (SL-03): whether they can be called, and the daily windows in which a
/// text or call is safe (none: any time). Told to a worker and recorded, never changed: a change is a new version, the
/// latest one applies, and the earlier ones stay as the record of what was said when.
/// </summary>
public sealed class ContactPreference
{
    public Guid Id { get; init; }
    /// <summary>The order versions were recorded in (set by the database): two recorded in the same instant stay ordered.</summary>
    public long Version { get; private init; }
    public Guid YoungPersonId { get; init; }
    public bool AllowsCalls { get; init; }
    /// <summary>Daily windows, <c>HH:mm-HH:mm</c> London time; empty means any time.</summary>
    public List<string> SafeTimes { get; init; } = [];
    public string? Note { get; init; }
    public required string RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }

    private IEnumerable<SafeWindow> Windows => SafeTimes.Select(t => SafeWindow.TryParse(t, out var w) ? w : (SafeWindow?)null).OfType<SafeWindow>();

    public bool IsSafeAt(DateTimeOffset instant)
    {
        var time = London.TimeOf(instant);
        return SafeTimes.Count == 0 || Windows.Any(w => w.Contains(time));
    }

    /// <summary>The first safe instant at or after <paramref name="instant"/>: the start of the next window, on London's clock
    /// (a window that starts in the spring gap opens when the clocks have gone forward).</summary>
    public DateTimeOffset NextSafeTime(DateTimeOffset instant)
    {
        if (IsSafeAt(instant))
        {
            return instant;
        }
        var today = London.DateOf(instant);
        return Enumerable.Range(0, 3)
            .SelectMany(day => Windows.Select(w => London.At(today.AddDays(day), w.From)))
            .Where(start => start > instant)
            .Min();
    }
}

/// <summary>An outbound call: Twilio rings the young person and, when they answer, connects a worker's registered phone.</summary>
public sealed class OutboundCall
{
    public Guid Id { get; init; }
    public Guid YoungPersonId { get; init; }
    public required string To { get; init; }
    public required string ConnectTo { get; init; }
    public required string RequestedBy { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public string? TwilioSid { get; set; }
    /// <summary>Twilio's call status (<see cref="CallStatuses"/>): <c>queued</c> when placed, <c>failed</c> when refused, then as its callbacks say.</summary>
    public required string Status { get; set; }
    public int? ErrorCode { get; set; }
    public DateTimeOffset? StatusChangedAt { get; set; }
    /// <summary>When the young person picked up (Twilio's <c>in-progress</c>).</summary>
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>Twilio's <c>CallDuration</c> on the final callback, in seconds.</summary>
    public int? DurationSeconds { get; set; }

    /// <summary>
    /// Moves the call forward only (queued → initiated → ringing → in-progress → completed, or to busy, no-answer,
    /// canceled or failed): Twilio's callbacks can arrive late and out of order, and a final state never changes. A
    /// final callback without an answer still ends the call. Returns false when ignored.
    /// </summary>
    public bool Advance(string status, int? durationSeconds, DateTimeOffset at)
    {
        if (CallStatuses.IsFinal(Status) || CallStatuses.Rank(status) <= CallStatuses.Rank(Status))
        {
            return false;
        }
        Status = status;
        StatusChangedAt = at;
        if (status == CallStatuses.InProgress)
        {
            AnsweredAt = at;
        }
        if (CallStatuses.IsFinal(status))
        {
            EndedAt = at;
            DurationSeconds = durationSeconds;
        }
        return true;
    }
}

/// <summary>Twilio's voice call statuses, in the order a call moves through them; the last five are final.</summary>
public static class CallStatuses
{
    public const string Queued = "queued";
    public const string InProgress = "in-progress";
    public const string Failed = "failed";

    private static readonly string[] Order = [Queued, "initiated", "ringing", InProgress];
    private static readonly string[] Final = ["completed", "busy", "no-answer", "canceled", Failed];

    public static bool IsKnown(string? status) => status is not null && (Order.Contains(status) || Final.Contains(status));

    public static bool IsFinal(string status) => Final.Contains(status);

    public static int Rank(string status) => IsFinal(status) ? Order.Length : Array.IndexOf(Order, status);
}
