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
    /// <summary>Twilio's call status when it answered (<c>queued</c>), or <c>failed</c> when it refused.</summary>
    public required string Status { get; set; }
    public int? ErrorCode { get; set; }
}
